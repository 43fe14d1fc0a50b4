"""Writes the Pillow resize fixtures that ResamplerPillowTest compares fld4j's Resampler with.

Run with an interpreter that has Pillow and NumPy (the fixtures record the versions used):

    python3 flow-io/src/test/python/make_resize_fixtures.py

For every input image it writes one compressed NPZ into the test resources, holding
  input                 the 8-bit image, H x W x C (C = 1 for mode L, 3 for mode RGB)
  <FILTER>_<H>x<W>      Image.resize((W, H), FILTER) of it, H x W x C, for every filter and target size
and a manifest, pillow-resize.txt, naming the Pillow and NumPy versions and the files.
"""
import io
import os
import zipfile

import numpy as np
import PIL
from PIL import Image

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "org", "fld4j", "io", "preprocess")
FILTERS = {
    "BOX": Image.Resampling.BOX,
    "BILINEAR": Image.Resampling.BILINEAR,
    "BICUBIC": Image.Resampling.BICUBIC,
    "LANCZOS": Image.Resampling.LANCZOS,
}
# (height, width): square shrinks, an odd shrink, a 2x enlargement, a mixed one (rows up, columns down),
# and two where one axis keeps its size (Pillow then skips that pass).
SIZES = [(28, 28), (32, 32), (17, 23), (128, 128), (100, 60), (64, 32), (32, 64)]


def noise_rgb():
    """Seeded uniform noise: every pixel independent, the hardest case for rounding."""
    return np.random.default_rng(20).integers(0, 256, size=(64, 64, 3), dtype=np.uint8)


def scene_rgb():
    """A smooth, photo-like image: a sky-to-ground gradient, two soft disks, a hard edge and mild grain."""
    y, x = np.mgrid[0:64, 0:64].astype(np.float64)
    r = 40 + 150 * y / 63
    g = 90 + 60 * np.sin(x / 9.0) * np.cos(y / 13.0)
    b = 220 - 170 * y / 63
    sun = np.exp(-((x - 44) ** 2 + (y - 16) ** 2) / 60.0)
    r, g, b = r + 110 * sun, g + 90 * sun, b - 40 * sun
    shade = np.exp(-((x - 18) ** 2 + (y - 40) ** 2) / 140.0)
    r, g, b = r - 80 * shade, g + 50 * shade, b - 60 * shade
    wall = x > 56
    r, g, b = np.where(wall, 250, r), np.where(wall, 245, g), np.where(wall, 5, b)
    grain = np.random.default_rng(7).normal(0, 4, size=(3, 64, 64))
    image = np.stack([r, g, b], axis=-1) + grain.transpose(1, 2, 0)
    return np.clip(np.rint(image), 0, 255).astype(np.uint8)


def as_array(image):
    a = np.asarray(image, dtype=np.uint8)
    return a[:, :, None] if a.ndim == 2 else a


def write(name, image):
    arrays = {"input": as_array(image)}
    for filter_name, flt in FILTERS.items():
        for h, w in SIZES:
            arrays[f"{filter_name}_{h}x{w}"] = as_array(image.resize((w, h), flt))
    path = os.path.join(OUT, f"pillow-resize-{name}.npz")
    # a fixed time stamp per entry, so that regenerating with the same Pillow gives the same bytes
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for key, value in arrays.items():
            buffer = io.BytesIO()
            np.save(buffer, value, allow_pickle=False)
            info = zipfile.ZipInfo(key + ".npy", date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, buffer.getvalue())
    return os.path.basename(path)


def main():
    noise = Image.fromarray(noise_rgb(), "RGB")
    scene = Image.fromarray(scene_rgb(), "RGB")
    files = [
        write("noise-rgb", noise),
        write("scene-rgb", scene),
        write("noise-l", noise.convert("L")),
        write("scene-l", scene.convert("L")),
    ]
    with open(os.path.join(OUT, "pillow-resize.txt"), "w", encoding="utf-8") as f:
        f.write(f"pillow {PIL.__version__}\n")
        f.write(f"numpy {np.__version__}\n")
        f.write("filters " + " ".join(FILTERS) + "\n")
        f.write("sizes " + " ".join(f"{h}x{w}" for h, w in SIZES) + "\n")
        for name in files:
            f.write(f"file {name}\n")


if __name__ == "__main__":
    main()
