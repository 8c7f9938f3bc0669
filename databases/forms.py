"""Member forms: registering or joining an enterprise, and submitting projects and technologies.

A submission form saves a draft with whatever is filled in (a title is enough) and asks for
everything the public page needs only when the member submits it for review. Uploaded images and
the PDF are checked before anything is stored (databases/uploads.py).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from databases import kept_uploads, uploads
from databases.models import Country, Enterprise, Project, Talent, Technology

MAX_IMAGES = 6
# The long texts every submission form has.
TEXT_WIDGETS = {
    "summary": forms.Textarea(attrs={"rows": 3}),
    "description": forms.Textarea(attrs={"rows": 8}),
}


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Several image files in one input, checked together and re-encoded by
    ``uploads.check_images``."""

    widget = MultipleImageInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("accept", "image/jpeg,image/png,image/webp")

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_IMAGES:
            raise ValidationError(
                _("Upload at most %(limit)s images at a time."), params={"limit": MAX_IMAGES}
            )
        return uploads.check_images([super().clean(upload, initial) for upload in files])


class SubmissionForm(forms.ModelForm):
    """Base of the project and technology forms; ``sections`` groups the fields on the page."""

    # Fields a record needs before it can be reviewed (the model allows a thinner draft).
    required_for_review = ("summary", "description", "country", "sectors")
    sections = ()

    images = MultipleImageField(
        label=_("Add images"),
        help_text=_(
            "JPEG, PNG or WebP, up to 10 MB and 40 megapixels each. The first image is shown "
            "in lists and search results. Location and camera data are removed."
        ),
    )
    remove_images = forms.MultipleChoiceField(
        label=_("Remove images"), required=False, widget=forms.CheckboxSelectMultiple
    )
    attachment = forms.FileField(
        label=_("Attachment (PDF)"),
        required=False,
        help_text=_("Optional, a PDF of up to 20 MB, e.g. a brochure or a feasibility study."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )

    form_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, for_review=False, gallery=(), user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_review = for_review
        # Images of an earlier post that failed (databases/kept_uploads.py): [full, card]
        # name pairs, those the member left ticked, and what the page shows of them.
        self.kept = kept_uploads.read(self.data.get(kept_uploads.TOKEN_FIELD), user)
        ticked = self.data.getlist(kept_uploads.KEEP_FIELD) if self.kept else []
        self.kept_chosen = [pair for pair in self.kept if pair[1] in ticked]
        self.kept_token = ""
        self.kept_previews = []
        self.fields["remove_images"].choices = [(str(image.pk), image.pk) for image in gallery]
        self.gallery = list(gallery)
        if "country" in self.fields:
            self.fields["country"].queryset = Country.objects.brics_first()
            self.fields["country"].empty_label = _("Choose a country")
        if "sectors" in self.fields:
            self.fields["sectors"].widget = forms.CheckboxSelectMultiple(
                choices=self.fields["sectors"].choices
            )
        # Not marked "optional" on the page (platform_site/forms.py), and needed to submit.
        for name in self.required_for_review:
            field = self.fields.get(name)
            if field is not None:
                field.widget.attrs["data-required-for-review"] = "true"

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload and hasattr(upload, "content_type"):
            return uploads.check_pdf(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        if self.for_review:
            for name in self.required_for_review:
                if name in self.fields and not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, _("Fill this in before submitting for review."))
        return cleaned

    def keep_images(self, user):
        """After a failed post: keep the ticked earlier images and the new ones that passed
        their checks, for the page to show and the next post to add."""
        kept_uploads.discard_after_commit(
            [pair for pair in self.kept if pair not in self.kept_chosen]
        )
        new = [] if "images" in self.errors else self.cleaned_data.get("images") or []
        pairs = [*self.kept_chosen, *(kept_uploads.write(renditions) for renditions in new)]
        self.kept_token = kept_uploads.token(pairs, user) if pairs else ""
        self.kept_previews = [(card, kept_uploads.preview(card)) for _full, card in pairs]

    def images_to_add(self):
        """The kept images the member left ticked, then the new ones; the temporary files of
        every kept image go once the record is saved."""
        kept_uploads.discard_after_commit(self.kept)
        return [*kept_uploads.load(self.kept_chosen), *(self.cleaned_data.get("images") or [])]

    def missing_for_review(self):
        """The labels of the fields the record, as it stands, still needs before it can be
        submitted (for a form built on it without data)."""
        return [
            str(self.fields[name].label)
            for name in self.required_for_review
            if name in self.fields and not self.initial.get(name)
        ]

    def grouped_fields(self):
        """The form's fields by section, for the template: [(title, [bound fields])]."""
        return [(title, [self[name] for name in names]) for title, names in self.sections]


class ProjectForm(SubmissionForm):
    required_for_review = (*SubmissionForm.required_for_review, "stage")
    sections = (
        (_("About the project"), ("title", "summary", "description")),
        (_("Where and how far"), ("country", "location", "stage")),
        (_("What it needs"), ("cooperation_types", "investment_amount", "investment_currency")),
        (_("Impact"), ("sectors", "sdgs", "co2_reduction")),
        (_("Images and documents"), ("images", "remove_images", "attachment")),
    )

    class Meta:
        model = Project
        fields = [
            "title",
            "summary",
            "description",
            "country",
            "location",
            "stage",
            "cooperation_types",
            "investment_amount",
            "investment_currency",
            "sectors",
            "sdgs",
            "co2_reduction",
        ]
        widgets = {
            **TEXT_WIDGETS,
            "cooperation_types": forms.CheckboxSelectMultiple,
            "sdgs": forms.CheckboxSelectMultiple,
        }


class TechnologyForm(SubmissionForm):
    required_for_review = (*SubmissionForm.required_for_review, "technology_fields")
    sections = (
        (_("About the technology"), ("title", "summary", "description")),
        (_("Classification"), ("country", "sectors", "technology_fields")),
        (_("Maturity and transfer"), ("trl", "ip_status", "transfer_modes", "co2_reduction")),
        (_("Images and documents"), ("images", "remove_images", "attachment")),
    )

    class Meta:
        model = Technology
        fields = [
            "title",
            "summary",
            "description",
            "country",
            "sectors",
            "technology_fields",
            "trl",
            "ip_status",
            "transfer_modes",
            "co2_reduction",
        ]
        widgets = {
            **TEXT_WIDGETS,
            "technology_fields": forms.CheckboxSelectMultiple,
            "transfer_modes": forms.CheckboxSelectMultiple,
        }


class EnterpriseProfileForm(SubmissionForm):
    """The enterprise's public profile, which its administrators keep up to date."""

    required_for_review = (*SubmissionForm.required_for_review, "capabilities")
    sections = (
        (_("About the enterprise"), ("title", "summary", "description", "website")),
        (_("Profile"), ("country", "size", "founded", "sectors", "capabilities")),
        (
            _("What it looks for"),
            (
                "cooperation_offered",
                "interest_sectors",
                "interest_countries",
                "interest_cooperation",
                "investment_min_usd",
                "investment_max_usd",
            ),
        ),
        (_("Images"), ("images", "remove_images")),
    )

    class Meta:
        model = Enterprise
        fields = [
            "title",
            "summary",
            "description",
            "website",
            "country",
            "size",
            "founded",
            "sectors",
            "capabilities",
            "cooperation_offered",
            "interest_sectors",
            "interest_countries",
            "interest_cooperation",
            "investment_min_usd",
            "investment_max_usd",
        ]
        labels = {"title": _("Name of the enterprise")}
        widgets = {
            **TEXT_WIDGETS,
            "capabilities": forms.Textarea(attrs={"rows": 5}),
            "cooperation_offered": forms.CheckboxSelectMultiple,
            "interest_sectors": forms.CheckboxSelectMultiple,
            "interest_cooperation": forms.CheckboxSelectMultiple,
            "interest_countries": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("attachment")
        self.fields["interest_countries"].queryset = Country.objects.brics_first()

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("investment_min_usd"), cleaned.get("investment_max_usd")
        if low is not None and high is not None and low > high:
            self.add_error(
                "investment_max_usd", _("The upper end must not be below the lower end.")
            )
        return cleaned


class TalentForm(SubmissionForm):
    """An expert's profile kept by their enterprise; contact details only with consent."""

    required_for_review = (*SubmissionForm.required_for_review, "technology_fields")
    sections = (
        (_("The expert"), ("title", "headline", "organisation", "summary", "description")),
        (
            _("Expertise"),
            ("country", "sectors", "technology_fields", "languages", "experience_years"),
        ),
        (
            _("Availability"),
            ("available_consulting", "available_training", "available_mentoring"),
        ),
        (_("Contact"), ("contact_consent", "email", "phone", "website")),
        (_("Images"), ("images", "remove_images")),
    )

    class Meta:
        model = Talent
        fields = [
            "title",
            "headline",
            "organisation",
            "summary",
            "description",
            "country",
            "sectors",
            "technology_fields",
            "languages",
            "experience_years",
            "available_consulting",
            "available_training",
            "available_mentoring",
            "contact_consent",
            "email",
            "phone",
            "website",
        ]
        widgets = {
            **TEXT_WIDGETS,
            "technology_fields": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("attachment")
        self.fields["remove_images"].label = _("Remove photos")
        self.fields["images"].label = _("Add a photo")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("contact_consent") and not (cleaned.get("email") or cleaned.get("phone")):
            self.add_error("email", _("Give an e-mail address or a phone number to show."))
        return cleaned


class EnterpriseRegistrationForm(forms.ModelForm):
    class Meta:
        model = Enterprise
        fields = ["title", "summary", "country", "website", "size", "founded"]
        labels = {"title": _("Name of the enterprise")}
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = Country.objects.brics_first()
        self.fields["country"].required = True
        self.fields["country"].empty_label = _("Choose a country")


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the secretariat"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "cols": False}),
        help_text=_("Optional: your position in the enterprise, to speed up the check."),
    )

    def __init__(self, *args, enterprise, **kwargs):
        # One form per enterprise found on the page: its fields' ids name the enterprise.
        super().__init__(*args, auto_id=f"%s-{enterprise.pk}", label_suffix="", **kwargs)
        self.enterprise = enterprise
