"""Checks and processing of members' uploads: images through Pillow, PDFs by their signature.

An image must be a real JPEG, PNG or WebP, at most 10 MB and 40 megapixels; anything else
(another format, a truncated file, a decompression bomb) is a form error. The images of one
form are judged from their headers before any of them is decoded, what decoding them all
would cost included (``MAX_DECODED_PIXELS``): a request cannot make the server decode more.
Accepted images are re-encoded from their pixels alone, so EXIF, GPS and any other metadata
are dropped, and saved in the sizes the pages show: up to 1600 px for detail pages and 640 px
for record cards.
"""

import contextlib
import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

IMAGE_FORMATS = ("JPEG", "PNG", "WEBP")
MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
# What the images of one form may cost to decode together. A JPEG decodes at 1/2, 1/4 or 1/8
# of its size (draft mode), so six camera photos of up to 40 megapixels fit; PNG and WebP
# decode whole, and six 40-megapixel PNGs (tiny files when they are of one colour) do not.
MAX_DECODED_PIXELS = 60_000_000
MAX_PDF_BYTES = 20 * 1024 * 1024
SIZES = {"full": 1600, "card": 640}
# Where an upload keeps what checking it gave: a form that fails validation for another
# reason is built and validated again to be shown, and must not decode the images twice.
_CHECKED = "_checked_image"


def check_images(uploads):
    """Validate the images of one form; return each re-encoded as {"full": ContentFile,
    "card": ContentFile}. Raises a ValidationError that names every refused file."""
    with contextlib.ExitStack() as stack:
        opened, errors = [], []
        for upload in uploads:
            try:
                opened.append(stack.enter_context(_opened(upload)))
            except ValidationError as error:
                errors.extend(_naming(upload, error))
        if errors:
            raise ValidationError(errors)
        if sum(image.width * image.height for image in opened) > MAX_DECODED_PIXELS:
            raise ValidationError(
                _(
                    "These images are too large to process together. Upload fewer of them "
                    "at a time (you can add more later), or smaller ones."
                ),
                code="images_too_large",
            )
        results = [_checked(upload, image) for upload, image in zip(uploads, opened, strict=True)]
    for upload, result in zip(uploads, results, strict=True):
        if isinstance(result, ValidationError):
            errors.extend(_naming(upload, result))
    if errors:
        raise ValidationError(errors)
    return results


def _naming(upload, error):
    """``error`` about one of several files, saying which."""
    return [
        ValidationError(
            _("%(file)s: %(error)s"),
            code=item.code,
            params={"file": upload.name, "error": " ".join(item.messages)},
        )
        for item in error.error_list
    ]


@contextlib.contextmanager
def _pillow_errors():
    """Pillow's complaints about a file as the form errors a member understands."""
    try:
        with warnings.catch_warnings():
            # Pillow warns between its limit and twice it: treat the warning as the bomb it is.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            yield
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            _("The image is too large to process safely."), code="image_bomb"
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("The file is not an image or it is damaged. Upload a JPEG, PNG or WebP image."),
            code="image_invalid",
        ) from error


@contextlib.contextmanager
def _opened(upload):
    """The upload opened as far as its header, checked, with ``size`` set to what decoding it
    will make (smaller than the picture for a JPEG)."""
    if upload.size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("The image is %(size)s; the largest allowed is %(limit)s."),
            code="image_too_large",
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(MAX_IMAGE_BYTES),
            },
        )
    upload.seek(0)
    with _pillow_errors():
        image = Image.open(upload)
    with image:
        if image.format not in IMAGE_FORMATS:
            raise ValidationError(
                _("Upload a JPEG, PNG or WebP image; this file is %(format)s."),
                code="image_format",
                params={"format": image.format or _("not an image")},
            )
        width, height = image.size
        if width * height > MAX_IMAGE_PIXELS:
            raise ValidationError(
                _("The image is %(width)s × %(height)s pixels; at most 40 megapixels are allowed."),
                code="image_pixels",
                params={"width": width, "height": height},
            )
        # Only JPEG has a draft mode: it then decodes at the smallest scale that still
        # covers the full rendition. Other formats ignore this.
        image.draft(None, _fitted(image.size, SIZES["full"]))
        yield image


def _fitted(size, longest):
    width, height = size
    scale = min(1, longest / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _checked(upload, image):
    """The upload's renditions, or the ValidationError that decoding it gave; once per upload."""
    if not hasattr(upload, _CHECKED):
        try:
            with _pillow_errors():
                result = _renditions(image)
        except ValidationError as error:
            result = error
        setattr(upload, _CHECKED, result)
    return getattr(upload, _CHECKED)


def _renditions(image):
    has_alpha = "A" in image.getbands() or "transparency" in image.info
    mode = "RGBA" if has_alpha else "RGB"
    if image.mode != mode:
        image = image.convert(mode)
    # In place, shrinking by whole factors first: no full-size copy beyond the decoded one.
    image.thumbnail((SIZES["full"],) * 2, Image.Resampling.LANCZOS)
    # Turned as the camera meant it; the square bounds above fit either way round.
    ImageOps.exif_transpose(image, in_place=True)
    card = image.copy()
    card.thumbnail((SIZES["card"],) * 2, Image.Resampling.LANCZOS)
    name = uuid.uuid4().hex
    return {"full": _webp(image, f"{name}-full.webp"), "card": _webp(card, f"{name}-card.webp")}


def _webp(image, name):
    # Pillow writes only the metadata it is given: none, so the file holds the pixels alone.
    out = io.BytesIO()
    image.save(out, "WEBP", quality=82, method=4)
    return ContentFile(out.getvalue(), name=name)


def check_pdf(upload):
    """A PDF by its signature and size; the name that is stored is fresh, not the sender's."""
    if upload.size > MAX_PDF_BYTES:
        raise ValidationError(
            _("The PDF is %(size)s; the largest allowed is %(limit)s."),
            code="pdf_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_PDF_BYTES)},
        )
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-":
        raise ValidationError(_("The attachment must be a PDF document."), code="pdf_type")
    return upload
