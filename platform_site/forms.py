"""One way of rendering every form of the site (``FORM_RENDERER``): each field as
``templates/forms/field.html`` lays it out, its label above it, its help and errors tied to it.

Optional fields are marked, not required ones (GOV.UK's practice): a form whose fields are all
optional, such as a list page's filters, marks none. A form with ``required_for_review`` (the
member's submissions) counts those fields as required: they are needed to submit it.
"""

from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting


def _needed(form, name, field):
    return field.required or name in getattr(form, "required_for_review", ())


class PortalBoundField(BoundField):
    @property
    def marked_optional(self):
        form = self.form
        # A single check box is ticked or not: its label (after it) carries no mark.
        single_box = self.widget_type == "checkbox" and not self.use_fieldset
        if self.is_hidden or single_box or _needed(form, self.name, self.field):
            return False
        return any(
            _needed(form, name, field)
            for name, field in form.fields.items()
            if not field.widget.is_hidden
        )


class FormRenderer(TemplatesSetting):
    """The project's templates first (so that ``templates/forms/`` applies), then Django's."""

    field_template_name = "forms/field.html"
    bound_field_class = PortalBoundField
