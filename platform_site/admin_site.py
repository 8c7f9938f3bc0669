"""The back office's admin site: the site's log-in page, its home with the work waiting, and the
pages apps add to it.

A module of its own: the admin app builds the default site by importing this class, and
``admin.register`` in a module imported then would register on a site that is thrown away.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.db.models import Count, Min
from django.db.models.base import ModelBase
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

# Apps whose models only keep the machinery running (log-in lock-outs, beat's schedules,
# allauth's and reversion's own rows): superusers see them, staff roles neither list nor open
# them, whatever permissions their groups hold.
TECHNICAL_APPS = frozenset(
    {
        "axes",
        "django_celery_beat",
        "django_celery_results",
        "account",
        "mfa",
        "socialaccount",
        "usersessions",
        "reversion",
    }
)


class SuperusersOnly:
    """A model admin that answers every permission check with no for anyone but superusers."""

    def has_module_permission(self, request):
        return request.user.is_superuser and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_view_permission(request, obj)

    def has_add_permission(self, request, *args, **kwargs):
        return request.user.is_superuser and super().has_add_permission(request, *args, **kwargs)

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_delete_permission(request, obj)


@dataclass(frozen=True)
class WorkItem:
    """One of the oldest items of a kind of work: what, where it is done, since when, its age
    in words, and whether it is late."""

    title: str
    url: str
    kind: str = ""
    since: datetime | None = None
    age: str = ""
    overdue: bool = False


@dataclass(frozen=True)
class Work:
    """Work of one kind waiting for the signed-in staff member, as the admin home shows it: how
    much, since when, how much of it is late, the list or queue where it is done, and the oldest
    few items when the provider names them."""

    title: str
    count: int
    url: str
    oldest: datetime | None = None
    overdue: int = 0
    items: Sequence[WorkItem] = ()
    note: str = ""


class PlatformAdminSite(admin.AdminSite):
    site_header = _("Green Industry Service Platform")
    site_title = _("Green Industry Service Platform")
    index_title = _("Back office")

    def __init__(self, name="admin"):
        super().__init__(name)
        self._views = []
        self._work = []

    def login(self, request, extra_context=None):
        """Staff sign in on the site's log-in page, which asks for the second factor and counts
        failed attempts per account; the admin's own form never checks a password."""
        return secure_admin_login(super().login)(request, extra_context)

    def register(self, model_or_iterable, admin_class=None, **options):
        """Register as Django does; the models of TECHNICAL_APPS for superusers only."""
        models = (
            [model_or_iterable] if isinstance(model_or_iterable, ModelBase) else model_or_iterable
        )
        for model in models:
            model_admin = admin_class or admin.ModelAdmin
            if model._meta.app_label in TECHNICAL_APPS:
                model_admin = type(model_admin.__name__, (SuperusersOnly, model_admin), {})
            super().register(model, model_admin, **options)

    def register_view(self, route, view, name):
        """Serve ``view(request, site=<this site>)`` at ``route`` under the admin, to staff only:
        a page of an app's own that is no model's, such as the review queue. Apps call it from
        their admin module, as they register their models (databases/admin.py)."""
        self._views.append((route, view, name))

    def register_work(self, provider):
        """Show the home page's visitor the work ``provider(request)`` finds waiting: a ``Work``,
        or None when that work is not theirs (they lack the permission). Apps call it from their
        admin module; the home lists the work in the order of registration. A provider should
        cost a query or two: the home page asks every provider each time it is shown."""
        self._work.append(provider)

    def list_work(self, request, title, rows, since, query):
        """The work of ``rows``, done in their model's change list filtered by ``query`` (the
        change list's parameters that select the same rows): how many and since when, in one
        query; None when the user may not change them."""
        model = rows.model
        model_admin = self._registry.get(model)
        if model_admin is None or not model_admin.has_change_permission(request):
            return None
        figures = rows.order_by().aggregate(count=Count("pk"), oldest=Min(since))
        opts = model._meta
        url = reverse(f"{self.name}:{opts.app_label}_{opts.model_name}_changelist")
        return Work(title, figures["count"], f"{url}?{urlencode(query)}", figures["oldest"])

    def index(self, request, extra_context=None):
        waiting = [work for provider in self._work if (work := provider(request)) is not None]
        return super().index(request, {"work_waiting": waiting, **(extra_context or {})})

    def get_urls(self):
        return [
            *(
                path(route, self.admin_view(partial(view, site=self)), name=name)
                for route, view, name in self._views
            ),
            *super().get_urls(),
        ]
