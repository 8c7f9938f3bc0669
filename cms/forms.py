"""Forms of the CMS: the "Consult us" inquiry form, and the check of a story's images."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from cms.models import Inquiry, StoryImage
from databases.models import Country
from databases.uploads import check_images

MESSAGE_MIN_LENGTH = 20
MESSAGE_MAX_LENGTH = 5000

phone_validator = RegexValidator(
    r"^\+?[0-9 ().\-/]{5,40}$",
    _("Enter a phone number using digits, spaces, brackets, dashes and an optional leading +."),
)


class InquiryForm(forms.ModelForm):
    """The visitor's inquiry; ``homepage`` is a honeypot that people never see or fill in."""

    HONEYPOT = "homepage"

    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    message = forms.CharField(
        label=capfirst(Inquiry._meta.get_field("message").verbose_name),
        min_length=MESSAGE_MIN_LENGTH,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Between 20 and 5,000 characters."),
    )

    class Meta:
        model = Inquiry
        fields = ["name", "organisation", "email", "phone", "country", "topic", "message"]
        widgets = {
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }
        help_texts = {
            "phone": _("With the international dialling code, e.g. +7 495 123 45 67."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        fields["country"].queryset = Country.objects.brics_first()
        fields["country"].empty_label = _("Choose a country")
        fields["email"].max_length = 254
        fields["email"].widget.attrs["maxlength"] = 254
        fields["phone"].validators.append(phone_validator)
        autocomplete = {"name": "name", "organisation": "organization", "email": "email"}
        for name, value in autocomplete.items():
            fields[name].widget.attrs["autocomplete"] = value

    @property
    def is_spam(self):
        """True when the honeypot was filled in: a bot, to be answered as if all went well."""
        return bool(self.data.get(self.HONEYPOT, "").strip())

    def visible_form_fields(self):
        return [field for field in self.visible_fields() if field.name != self.HONEYPOT]


class StoryImageForm(forms.ModelForm):
    """A story's image, checked and re-encoded like members' uploads (databases/uploads.py):
    a real JPEG, PNG or WebP within the limits, stored as WebP without its metadata."""

    class Meta:
        model = StoryImage
        fields = ["image", "alt", "caption", "ordering"]

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image and "image" in self.changed_data:
            return check_images([image])[0]["full"]
        return image
