from django import forms
from django.utils.translation import gettext_lazy as _

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
