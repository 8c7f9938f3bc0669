import re
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import QueryDict
from django.middleware.gzip import GZipMiddleware
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from platform_site import accounts, views
from platform_site.cache import cache_reachable


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not set itself."""

    # Powerful features the site never uses, refused to every frame. FLoC's interest-cohort is
    # gone: browsers no longer know it, and its successor is browsing-topics.
    permissions_policy = (
        "accelerometer=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), "
        "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()"
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class TextCompressionMiddleware(GZipMiddleware):
    """Pages, feeds and API answers compressed by the portal itself, whatever serves it: a 60 KB
    list page is 11 KB on a phone's network. Django's gzip pads each response against BREACH,
    which a proxy's does not; a proxy never compresses a compressed response again. Images and
    PDFs gain nothing, and whitenoise (above) sends static files precompressed already."""

    compressible = ("text/", "application/json", "application/xml", "application/atom+xml")

    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith(self.compressible):
            return response
        return super().process_response(request, response)


class QueryControlCharactersMiddleware:
    """Removes C0 control characters from the query string's names and values.

    No filter or search means anything by them, and pages that echo the query (filter inputs,
    chips, error messages) would otherwise carry them into the HTML, where they are parse errors.
    """

    control = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        items = list(request.GET.lists())
        if any(self.control.search(key + "".join(values)) for key, values in items):
            query = QueryDict(mutable=True)
            for key, values in items:
                query.setlist(self.control.sub("", key), [self.control.sub("", v) for v in values])
            query._mutable = False
            request.GET = query
        return self.get_response(request)


class PrivatePagesMiddleware:
    """``Cache-Control: private, no-store`` on what must stay out of every cache, shared or the
    browser's: any response rendered for a signed-in user (the header names them), and the
    account and member areas for everyone. A view's own ``no-store`` header is kept.

    Anonymous visitors' public pages keep their headers, and the public page cache
    (platform_site/cache.py) keeps serving them.
    """

    private_paths = re.compile(r"^/[^/]+/(?:accounts|member)/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        cache_control = response.get("Cache-Control", "")
        if "no-store" not in cache_control and self.is_private(request, cache_control):
            response["Cache-Control"] = "private, no-store"
        return response

    def is_private(self, request, cache_control):
        # The media view says itself which files are the same for everyone (platform_site/media.py).
        if cache_control.startswith("public") and request.path_info.startswith(settings.MEDIA_URL):
            return False
        return bool(self.private_paths.match(request.path_info)) or request.user.is_authenticated


class RequestBodyLimitMiddleware:
    """Refuses a request body over MAX_REQUEST_BYTES before anything reads it (413).

    Django reads a body only up to its Content-Length, so that header is what counts. A body
    sent in chunks (Transfer-Encoding, its length unknown until it is read) is refused (411):
    Django would read none of it, and browsers and the proxy in front send lengths.
    """

    # What nginx (deploy/nginx/) sends, in a request without the body, when it refused a body
    # over its own cap: the visitor then gets this page rather than nginx's. Anyone can send
    # it, and gets the 413 page.
    proxy_refused = "HTTP_X_REQUEST_TOO_LARGE"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "HTTP_TRANSFER_ENCODING" in request.META:
            return views.length_required(request)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # what Django reads of such a body: nothing
        if length > settings.MAX_REQUEST_BYTES or self.proxy_refused in request.META:
            return views.request_too_large(request)
        return self.get_response(request)


class StaffSecondFactorMiddleware:
    """The admin opens only for staff who signed in with a second factor (STAFF_MFA_REQUIRED).

    Staff without one are sent to enrol (an authenticator app, or a security key or passkey);
    staff whose session was not confirmed with theirs are asked for it. Both pages come back to
    the admin page that was asked for.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            settings.STAFF_MFA_REQUIRED
            and user.is_authenticated
            and user.is_staff
            and request.path.startswith(reverse("admin:index"))
        ):
            from allauth.account.authentication import get_authentication_records
            from allauth.mfa.utils import is_mfa_enabled

            query = urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
            if not is_mfa_enabled(user):
                messages.warning(
                    request,
                    _("Staff accounts need a second factor: set one up to open the back office."),
                )
                return redirect(f"{reverse('mfa_index')}?{query}")
            records = get_authentication_records(request, user)
            if not any(record.get("method") == "mfa" for record in records):
                return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
        return self.get_response(request)


class AccountActionsWithoutCacheMiddleware:
    """While the cache cannot be reached, the account actions whose rate limits django-allauth
    counts in it are refused with the 503 page: sign-up, password reset, changes to e-mail
    addresses, passwords and second factors, reauthentication and second-factor codes. Without
    their limits they would be open to abuse (sign-ups by the thousand, mail floods to anyone's
    address, guessed codes). Reading the site goes on, and members who are signed in keep
    working.

    Log-in stays open as far as the database counts: django-axes still locks an account out
    after 5 failures, and an address with many failed log-ins is refused
    (accounts.too_many_failed_logins). Log-out and the links an e-mail sent with a key that
    cannot be guessed (confirming an address, setting a new password) need no count.
    """

    counted_in_database = "account_login"
    uncounted = {"account_logout", "account_confirm_email", "account_reset_password_from_key"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # allauth limits only what changes something (it lets GET and HEAD through).
        if request.method in ("GET", "HEAD") or not view_func.__module__.startswith("allauth."):
            return None
        name = request.resolver_match.url_name
        if name in self.uncounted or cache_reachable():
            return None
        if name == self.counted_in_database and not accounts.too_many_failed_logins(request):
            return None
        return views.service_unavailable(request, paused_action=True)
