"""The periodic tasks that migrations install in django-celery-beat's tables, all in one shape.

A migration creates its task once, when it does not exist yet: staff may change the schedule in
the admin afterwards, and migrating again never undoes that. Unapplying the migration deletes it.
"""

from django.db import migrations

INTERVAL_SECONDS = {"minutes": 60, "hours": 60 * 60, "days": 24 * 60 * 60}


def schedule(name, task, *, every=None, crontab=None, kwargs=None):
    """The migration operation that installs ``task`` under ``name``.

    ``every`` is an interval such as ``(1, "minutes")``: a round not taken within it expires,
    since the next round does its work. ``crontab`` is ``"minute hour day_of_month month
    day_of_week"`` in UTC, as in a crontab line. ``kwargs`` is the task's keyword arguments as JSON.
    """
    if (every is None) == (crontab is None):
        raise ValueError("A periodic task runs either every interval or on a crontab.")

    def install(apps, schema_editor):
        using = schema_editor.connection.alias
        defaults = {"task": task}
        if kwargs is not None:
            defaults["kwargs"] = kwargs
        if every is not None:
            count, period = every
            IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
            defaults["interval"], _ = IntervalSchedule.objects.using(using).get_or_create(
                every=count, period=period
            )
            defaults["expire_seconds"] = count * INTERVAL_SECONDS[period]
        else:
            minute, hour, day_of_month, month_of_year, day_of_week = crontab.split()
            CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
            defaults["crontab"], _ = CrontabSchedule.objects.using(using).get_or_create(
                minute=minute,
                hour=hour,
                day_of_month=day_of_month,
                month_of_year=month_of_year,
                day_of_week=day_of_week,
                timezone="UTC",
            )
        PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
        PeriodicTask.objects.using(using).get_or_create(name=name, defaults=defaults)

    def uninstall(apps, schema_editor):
        PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
        PeriodicTask.objects.using(schema_editor.connection.alias).filter(task=task).delete()

    return migrations.RunPython(install, uninstall)
