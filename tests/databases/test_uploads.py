"""Checks of members' uploads: real images only, judged from their headers, decoded within a
budget and re-encoded without metadata; PDFs only."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageFile

from databases import uploads
from databases.management.commands.bench_uploads import solid_png
from tests.factories import MembershipFactory
from tests.utils import text


def codes(error):
    return [item.code for item in error.value.error_list]


@pytest.fixture
def no_decoding(monkeypatch):
    """Fails the test if any image is decoded (or verified, which reads the whole stream)."""

    def refuse(image, *args, **kwargs):
        raise AssertionError("an image was decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse)
    monkeypatch.setattr(Image.Image, "load", refuse)
    monkeypatch.setattr(ImageFile.ImageFile, "verify", refuse)


def image_file(fmt="PNG", size=(64, 48), name=None, exif=None):
    out = io.BytesIO()
    extra = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, (20, 120, 60)).save(out, fmt, **extra)
    extension = {"JPEG": "jpg"}.get(fmt, fmt.lower())
    return SimpleUploadedFile(name or f"photo.{extension}", out.getvalue(), f"image/{extension}")


def gps_exif():
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0)}  # GPSInfo
    return exif


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
def test_an_image_is_re_encoded_in_two_sizes(fmt):
    files = uploads.check_images([image_file(fmt, size=(3000, 1500))])[0]
    with Image.open(files["full"]) as full, Image.open(files["card"]) as card:
        assert full.format == card.format == "WEBP"
        assert full.size == (1600, 800)
        assert card.size == (640, 320)


def test_location_and_camera_data_are_removed():
    files = uploads.check_images([image_file("JPEG", exif=gps_exif())])[0]
    with Image.open(files["full"]) as image:
        assert not image.getexif()
        assert "exif" not in image.info


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("notes.png", b"just some text", "image/png"), "not an image"),
        (image_file("GIF", name="anim.gif"), "this file is GIF"),
        (image_file("BMP", name="old.bmp"), "this file is BMP"),
    ],
)
def test_a_file_that_is_not_an_allowed_image_is_refused(upload, message):
    with pytest.raises(ValidationError) as error:
        uploads.check_images([upload])
    assert message in " ".join(error.value.messages)


def test_a_damaged_image_is_refused():
    data = image_file("PNG").read()
    damaged = SimpleUploadedFile("broken.png", data[:60], "image/png")
    with pytest.raises(ValidationError):
        uploads.check_images([damaged])


def test_more_than_forty_megapixels_are_refused_from_the_header(no_decoding):
    upload = SimpleUploadedFile("huge.png", solid_png(8000, 6000, "P"), "image/png")
    with pytest.raises(ValidationError) as error:
        uploads.check_images([upload])
    assert error.value.messages == [
        "huge.png: The image is 8000 × 6000 pixels; at most 40 megapixels are allowed."
    ]


def test_the_images_of_one_form_are_refused_together_before_any_is_decoded(no_decoding):
    # Six 40-megapixel PNGs of one colour are 47 KB each: small files, a lot to decode.
    data = solid_png(8000, 5000, "P")
    files = [SimpleUploadedFile(f"plain-{n}.png", data, "image/png") for n in range(6)]
    with pytest.raises(ValidationError) as error:
        uploads.check_images(files)
    assert codes(error) == ["images_too_large"]
    assert "too large to process together" in error.value.messages[0]


def test_a_jpeg_counts_and_decodes_at_the_scale_the_renditions_need(monkeypatch):
    decoded = []
    load = ImageFile.ImageFile.load

    def spy(image):
        if image.tile:  # not yet decoded
            decoded.append((image.format, image.size))
        return load(image)

    monkeypatch.setattr(ImageFile.ImageFile, "load", spy)
    # Two 12-megapixel photos decode at half their size: 6 megapixels together.
    monkeypatch.setattr(uploads, "MAX_DECODED_PIXELS", 7_000_000)
    photos = [image_file("JPEG", size=(4000, 3000), name=f"photo-{n}.jpg") for n in range(2)]
    files = uploads.check_images(photos)
    assert decoded == [("JPEG", (2000, 1500))] * 2
    with Image.open(files[0]["full"]) as full:
        assert full.size == (1600, 1200)
    # The same pixels as PNGs decode whole: 24 megapixels.
    with pytest.raises(ValidationError) as error:
        uploads.check_images([image_file("PNG", size=(4000, 3000)) for _ in range(2)])
    assert codes(error) == ["images_too_large"]


def test_a_photo_taken_sideways_is_turned_upright():
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to view
    files = uploads.check_images([image_file("JPEG", size=(300, 200), exif=exif)])[0]
    with Image.open(files["full"]) as full, Image.open(files["card"]) as card:
        assert full.size == card.size == (200, 300)


def test_a_palette_image_with_transparency_keeps_it():
    out = io.BytesIO()
    Image.new("P", (2000, 1000), 0).save(out, "PNG", transparency=0)
    upload = SimpleUploadedFile("logo.png", out.getvalue(), "image/png")
    files = uploads.check_images([upload])[0]
    with Image.open(files["full"]) as full, Image.open(files["card"]) as card:
        assert full.mode == "RGBA" and full.size == (1600, 800)
        assert card.size == (640, 320) and card.getpixel((0, 0))[3] == 0


def test_every_refused_file_is_named_with_its_reason():
    good = image_file("PNG", name="good.png")
    text = SimpleUploadedFile("notes.png", b"just some text", "image/png")
    gif = image_file("GIF", name="anim.gif")
    with pytest.raises(ValidationError) as error:
        uploads.check_images([good, text, gif])
    assert error.value.messages == [
        "notes.png: The file is not an image or it is damaged. Upload a JPEG, PNG or WebP image.",
        "anim.gif: Upload a JPEG, PNG or WebP image; this file is GIF.",
    ]
    assert codes(error) == ["image_invalid", "image_format"]


def test_an_upload_is_decoded_once_however_many_forms_check_it(monkeypatch):
    calls = []
    renditions = uploads._renditions
    monkeypatch.setattr(uploads, "_renditions", lambda image: calls.append(1) or renditions(image))
    upload = image_file("PNG")
    first = uploads.check_images([upload])
    assert uploads.check_images([upload]) == first
    assert len(calls) == 1


def test_a_decompression_bomb_is_refused(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    with pytest.raises(ValidationError) as error:
        uploads.check_images([image_file("PNG", size=(64, 48))])
    assert codes(error) == ["image_bomb"]


def test_a_file_over_ten_megabytes_is_refused():
    upload = SimpleUploadedFile("big.png", b"\0" * (10 * 1024 * 1024 + 1), "image/png")
    with pytest.raises(ValidationError) as error:
        uploads.check_images([upload])
    assert "the largest allowed is 10.0\xa0MB" in error.value.messages[0]


def test_a_pdf_is_accepted_by_its_signature():
    upload = SimpleUploadedFile("study.pdf", b"%PDF-1.7\n...", "application/pdf")
    assert uploads.check_pdf(upload) is upload


@pytest.mark.parametrize(
    "content", [b"<html>", b"MZ\x90\x00executable", b"<html><!-- %PDF-1.7 -->", b" %PDF-1.7"]
)
def test_anything_else_named_pdf_is_refused(content):
    with pytest.raises(ValidationError):
        uploads.check_pdf(SimpleUploadedFile("study.pdf", content, "application/pdf"))


@pytest.mark.django_db
def test_a_refused_submission_decodes_its_images_once(client, monkeypatch):
    calls = []
    renditions = uploads._renditions
    monkeypatch.setattr(uploads, "_renditions", lambda image: calls.append(1) or renditions(image))
    member = MembershipFactory()
    client.force_login(member.user)
    response = client.post(
        "/en/member/projects/new/",
        {"title": "Half written", "images": [image_file("PNG")], "submit": ""},
    )
    assert response.status_code == 200
    assert "Fill this in before submitting for review." in text(response)
    assert len(calls) == 1
