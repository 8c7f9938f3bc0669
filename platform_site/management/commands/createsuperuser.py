"""Django's createsuperuser, with the account's e-mail address confirmed: staff sign in with it
on the site's log-in page, which otherwise first e-mails a confirmation link. Whoever runs this
command on the server vouches for the address."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.management.commands import createsuperuser


class Command(createsuperuser.Command):
    def handle(self, *args, **options):
        User = get_user_model()
        before = set(User.objects.filter(is_superuser=True).values_list("pk", flat=True))
        super().handle(*args, **options)
        for user in User.objects.filter(is_superuser=True).exclude(pk__in=before):
            if not user.email:
                self.stderr.write(
                    f"{user.username} has no e-mail address: staff sign in with one. "
                    "Add it in the admin's Users page (as another superuser) or run "
                    "createsuperuser again."
                )
                continue
            EmailAddress.objects.update_or_create(
                user=user,
                email=user.email.lower(),
                defaults={"verified": True, "primary": True},
            )
