"""Accounts (django-allauth): the sign-up form, the adapter that queues e-mails for Celery and
keeps each member's language, the username django-axes counts failures for, and the count of
failed log-ins from an address that stands in for allauth's while the cache is away."""

from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db.models import Q, Sum
from django.utils import timezone, translation
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _

from platform_site import mail
from platform_site.client_ip import client_ip
from platform_site.models import Profile

# Failed log-ins from one address within django-axes' cool-off after which log-in is refused
# while allauth cannot count them (the cache is away): its own limit is 20 a minute.
FAILED_LOGINS_WITHOUT_CACHE = 20


class SignupForm(forms.Form):
    """What sign-up asks besides the e-mail address and the password."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def signup(self, request, user):
        user.first_name = self.cleaned_data["name"]
        user.save(update_fields=["first_name"])


def user_display(user):
    """How the site names a person (ACCOUNT_USER_DISPLAY): the name they gave at sign-up, else
    their e-mail address; never the username, which is generated."""
    return user.get_full_name() or user.email or user.get_username()


def remember_language(user, language):
    if language not in dict(settings.LANGUAGES):
        return
    Profile.objects.update_or_create(user=user, defaults={"language": language})


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        """Render in the language of the page that asked for the e-mail; a task sends it."""
        request = context.get("request") or self.request
        with translation.override(
            getattr(request, "LANGUAGE_CODE", None) or translation.get_language()
        ):
            ctx = {"email": email, "current_site": self.site(request)}
            ctx.update(context)
            message = self.render_mail(template_prefix, email, ctx)
        mail.queue(message)

    def site(self, request):
        return {
            "name": str(_("Green Industry Service Platform")),
            "domain": request.get_host() if request else settings.SITE_URL,
        }

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            remember_language(user, getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE))
        return user

    def send_account_already_exists_mail(self, email):
        # Signing up a new address hashes its password: do the same work for a registered one,
        # so that the time of the answer does not tell whether an address has an account.
        make_password(get_random_string(32))
        super().send_account_already_exists_mail(email)

    def login(self, request, user):
        super().login(request, user)
        remember_language(user, getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE))


def axes_username(request, credentials):
    """The account django-axes counts failed log-ins for, whatever form of its name was typed
    (its e-mail address or its username, in any case): the account's e-mail address, or the
    name as typed, in lower case, when no account has it."""
    credentials = credentials or {}
    name = (
        credentials.get("email")
        or credentials.get("username")
        or request.POST.get("login")
        or request.POST.get("username")
        or ""
    )
    name = name.strip().lower()
    # axes asks several times per request: look the account up once.
    memo = request.__dict__.setdefault("_axes_accounts", {})
    if name and name not in memo:
        account = (
            get_user_model()
            .objects.filter(Q(email__iexact=name) | Q(username__iexact=name))
            .order_by("pk")
            .values_list("email", "username")
            .first()
        )
        memo[name] = (account[0] or account[1]).lower() if account else name
    return memo.get(name, name)


def too_many_failed_logins(request):
    """Whether the client's address failed FAILED_LOGINS_WITHOUT_CACHE log-ins within the
    cool-off, by django-axes' records in the database (one row per account, address and
    browser)."""
    from axes.models import AccessAttempt

    failures = AccessAttempt.objects.filter(
        ip_address=client_ip(request) or None,
        attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME,
    ).aggregate(total=Sum("failures_since_start"))["total"]
    return (failures or 0) >= FAILED_LOGINS_WITHOUT_CACHE
