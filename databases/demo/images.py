"""The demo records' images: a dozen calm landscapes, drawn once and shared by every record."""

import io
import math
import random

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

IMAGE_COUNT = 12
IMAGE_SIZE = (800, 500)
IMAGE_DIR = "records/demo"

_SKIES = (
    ((74, 144, 196), (214, 234, 240)),
    ((96, 165, 200), (236, 241, 225)),
    ((58, 118, 170), (190, 222, 228)),
    ((120, 178, 205), (245, 236, 214)),
)
_GREENS = (
    ((142, 184, 160), (96, 152, 112), (54, 112, 74), (28, 78, 52)),
    ((160, 196, 176), (112, 168, 120), (70, 132, 82), (36, 94, 58)),
    ((150, 186, 190), (98, 150, 136), (52, 116, 96), (24, 80, 66)),
)


def landscape_jpeg(number):
    """A calm abstract landscape (sky, sun, layered hills, sometimes a lake) as JPEG bytes.

    Drawn from a fixed per-image seed, so every run and every seed reuses the same files.
    """
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(f"landscape-{number}")
    width, height = IMAGE_SIZE
    top, bottom = _SKIES[number % len(_SKIES)]
    gradient = Image.linear_gradient("L").resize((width, height))
    image = Image.composite(
        Image.new("RGB", (width, height), bottom), Image.new("RGB", (width, height), top), gradient
    )

    glow = Image.new("L", (width, height), 0)
    sun_x, sun_y, radius = rng.randint(120, 680), rng.randint(70, 180), rng.randint(28, 48)
    ImageDraw.Draw(glow).ellipse(
        (sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius), fill=200
    )
    glow = glow.filter(ImageFilter.GaussianBlur(radius // 2))
    image = Image.composite(Image.new("RGB", (width, height), (255, 246, 220)), image, glow)

    draw = ImageDraw.Draw(image)
    lake = number % 3 == 0
    if lake:
        water_top = int(height * rng.uniform(0.72, 0.8))
        for y in range(water_top, height):
            shade = (y - water_top) / (height - water_top)
            draw.line(
                [(0, y), (width, y)],
                fill=(int(96 - 40 * shade), int(160 - 40 * shade), int(196 - 30 * shade)),
            )
    palette = _GREENS[number % len(_GREENS)]
    layers = len(palette) - (1 if lake else 0)
    for layer, colour in enumerate(palette[:layers]):
        base = height * (0.45 + 0.12 * layer) + rng.uniform(-15, 15)
        waves = [
            (rng.uniform(0.5, 2.5), rng.uniform(0, math.tau), rng.uniform(8, 38)) for _ in range(3)
        ]
        ridge = [
            (x, base - sum(a * math.sin(f * x / width * math.tau + p) for f, p, a in waves))
            for x in range(0, width + 20, 20)
        ]
        floor = min(height, water_top) if lake else height
        draw.polygon([*ridge, (width, floor), (0, floor)], fill=colour)
    image = image.filter(ImageFilter.GaussianBlur(1.2))

    out = io.BytesIO()
    image.save(out, "JPEG", quality=80, optimize=True, progressive=True)
    return out.getvalue()


def demo_images():
    """Storage names of the demo images, created once and reused by later runs."""
    names = []
    for number in range(1, IMAGE_COUNT + 1):
        name = f"{IMAGE_DIR}/landscape-{number:02d}.jpg"
        if not default_storage.exists(name):
            name = default_storage.save(name, ContentFile(landscape_jpeg(number)))
        names.append(name)
    return names
