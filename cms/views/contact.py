"""The "Consult us" page: contact details and the inquiry form (never page-cached)."""

from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from cms import inquiries
from cms.forms import InquiryForm
from cms.tasks import notify_inquiry
from platform_site.client_ip import client_ip


@never_cache
@csrf_protect
@require_http_methods(["GET", "HEAD", "POST"])
def contact(request):
    status = 200
    if request.method == "POST":
        form = InquiryForm(request.POST)
        if form.is_spam:
            # A bot filled in the honeypot: answer as if all went well, store nothing.
            return redirect("cms:contact-thanks")
        if form.is_valid():
            ip_hash = inquiries.hash_ip(client_ip(request))
            if inquiries.rate_limited(form.cleaned_data["email"], ip_hash):
                form.add_error(
                    None,
                    _(
                        "You have sent several inquiries in the last hour. Please wait a while "
                        "before sending another one; your message is kept below."
                    ),
                )
                status = 429
            else:
                inquiry = form.save(commit=False)
                inquiry.language = translation.get_language() or ""
                inquiry.ip_hash = ip_hash
                with transaction.atomic():
                    inquiry.save()
                    # The inquiry is stored whatever happens to the notification: a broker
                    # failure is logged, not shown to the visitor, and the relay notifies it
                    # later (cms.tasks.relay_inquiries).
                    notify_inquiry.delay_on_commit(inquiry.pk)
                token = inquiries.thanks_token(inquiry)
                return redirect(f"{reverse('cms:contact-thanks')}?ref={token}")
    else:
        form = InquiryForm(initial=inquiries.initial_about(request.GET.get("about", "")))
    # The contact details come from the site settings of the context processor.
    return render(request, "cms/contact.html", {"form": form}, status=status)


@never_cache
@require_http_methods(["GET", "HEAD"])
def contact_thanks(request):
    inquiry = inquiries.from_thanks_token(request.GET.get("ref", ""))
    return render(
        request,
        "cms/contact_thanks.html",
        {"reference": inquiry.reference if inquiry else ""},
    )
