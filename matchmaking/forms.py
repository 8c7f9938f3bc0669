from django import forms
from django.utils.translation import gettext_lazy as _

from databases.models import Enterprise
from matchmaking.models import Introduction, Outcome


class IntroductionRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the secretariat"),
        required=False,
        max_length=2000,
        # Without Django's 40 columns: the browser's default width, which fits a match card.
        widget=forms.Textarea(attrs={"rows": 3, "cols": False}),
        help_text=_("Optional: what you would like to discuss with this partner."),
    )


class OutcomeForm(forms.ModelForm):
    class Meta:
        model = Introduction
        fields = ["outcome", "agreement_value_usd", "co2_reduction", "outcome_note"]
        widgets = {"outcome_note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].required = True
        self.fields["outcome"].choices = Outcome.choices

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") != Outcome.AGREEMENT:
            cleaned["agreement_value_usd"] = None
            cleaned["co2_reduction"] = None
        for name in ("agreement_value_usd", "co2_reduction"):
            value = cleaned.get(name)
            if value is not None and value < 0:
                self.add_error(name, _("Enter zero or more."))
        return cleaned


class InterestForm(forms.Form):
    """A member's interest in a record: a short message, and which of their enterprises speaks
    (asked only of members of several)."""

    message = forms.CharField(
        label=_("Your message"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6, "cols": False}),
        help_text=_(
            "What interests you and what you propose, in a few sentences (2,000 characters at "
            "most). The secretariat passes it on with your name and e-mail address."
        ),
    )
    enterprise = forms.ModelChoiceField(label=_("On behalf of"), queryset=None, empty_label=None)

    def __init__(self, *args, enterprises, **kwargs):
        super().__init__(*args, **kwargs)
        self.only = enterprises[0] if len(enterprises) == 1 else None
        if self.only:
            del self.fields["enterprise"]
        else:
            self.fields["enterprise"].queryset = Enterprise.objects.filter(
                pk__in=[enterprise.pk for enterprise in enterprises]
            )

    def clean(self):
        cleaned = super().clean()
        if self.only:
            cleaned["enterprise"] = self.only
        return cleaned
