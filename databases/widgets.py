"""Choice widgets that render their options in Python rather than one template per option.

The filter panels carry the 250-country list (twice on the enterprises page) and a dozen
checkbox groups; rendered option by option through templates they took about half of a list
page's server time. The markup is the same as Django's own widgets produce.

A facet's widget may be given ``counts`` ({value: records}, by the filter set's
``count_facets``): each option then says how many records it gives, in the label a screen
reader reads ("Solar energy (12)"), and an option giving none is disabled unless it is chosen,
so that it can still be unchosen.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join

from platform_site.l10n import number


def _selected_values(widget, value):
    return {str(v) for v in widget.format_value(value)}


class FacetCounts:
    counts = None

    def counted(self, option, selected, template):
        """(label suffix, disabled) of ``option``: its count, and whether it gives nothing."""
        if self.counts is None or option in ("", None):
            return "", False
        count = self.counts.get(str(option), 0)
        return format_html(template, number(count)), count == 0 and str(option) not in selected


class Select(FacetCounts, forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        selected = _selected_values(self, value)
        options = format_html_join(
            "",
            '<option value="{}"{}>{}{}</option>',
            (
                (option, _option_state(option, selected, disabled), label, suffix)
                for option, label in self.choices
                for suffix, disabled in [self.counted(option, selected, " ({})")]
            ),
        )
        attrs = self.build_attrs(self.attrs, attrs)
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(attrs), options)


class CheckboxSelectMultiple(FacetCounts, forms.CheckboxSelectMultiple):
    def render(self, name, value, attrs=None, renderer=None):
        selected = _selected_values(self, value)
        attrs = self.build_attrs(self.attrs, attrs)
        base_id = attrs.pop("id", None)
        boxes = format_html_join(
            "\n",
            '<div{}><label{}><input type="checkbox" name="{}" value="{}"{}{}>{}{}</label></div>',
            (
                (
                    flatatt({"class": "facet-empty"}) if disabled else "",
                    flatatt({"for": f"{base_id}_{index}"}) if base_id else "",
                    name,
                    option,
                    flatatt({"id": f"{base_id}_{index}"}) if base_id else "",
                    _option_state(option, selected, disabled, chosen=" checked"),
                    label,
                    suffix,
                )
                for index, (option, label) in enumerate(self.choices)
                for suffix, disabled in [
                    self.counted(option, selected, ' <span class="facet-count">({})</span>')
                ]
            ),
        )
        return format_html("<div{}>{}</div>", flatatt({"id": base_id} if base_id else {}), boxes)


def _option_state(option, selected, disabled, chosen=" selected"):
    return (chosen if str(option) in selected else "") + (" disabled" if disabled else "")
