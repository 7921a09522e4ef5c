#!/usr/bin/env python3
"""Rebuilds the font files lianxi embeds (run at release time, not at build time).

Inputs (Debian packages): texlive-lang-chinese (Fandol fonts, GPL-3 + font exception) and
fonts-noto-cjk (Noto Serif CJK, OFL-1.1). Requires `pip install fonttools`.

Outputs, in this directory:
- FandolFang-Regular.otf, FandolHei-Regular.otf, FandolKai-Regular.otf: copied unmodified.
- FandolSong-Digits.otf: FandolSong Regular cut to the page-number characters (digits, dashes,
  spaces); a modified GPL font, whose source is FandolSong-Regular.otf from the same package.
- LianxiSerifSC-Regular.otf / LianxiSerifSC-Bold.otf: the SC faces of Noto Serif CJK, cut to
  GBK (all 21,886 characters) and renamed, as the OFL asks of modified versions ("Noto" is a
  trademark). Regular is the fallback that keeps rare name characters from vanishing; Bold stands
  in for 方正小标宋 in titles.
"""
import shutil
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FANDOL = Path(sys.argv[1] if len(sys.argv) > 1 else
              "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol")
NOTO = Path(sys.argv[2] if len(sys.argv) > 2 else "/usr/share/fonts/opentype/noto")
OUT = Path(__file__).resolve().parent
SC_FACE = 2  # the simplified-Chinese face in the Noto CJK collections


def gbk_code_points():
    points = set(range(0x20, 0x7F))
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                points.update(ord(c) for c in bytes([lead, trail]).decode("gbk"))
            except UnicodeDecodeError:
                pass
    points.update([0x2014, 0x2015, 0x2026, 0x3000, 0x3014, 0x3015, 0xFF5E, 0x00B7, 0x2605, 0x2610, 0x2611, 0x25A1])
    return sorted(points)


def cut(font, unicodes, features):
    options = subset.Options()
    options.layout_features = features
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.hinting = False
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)


def rename(font, family, style, weight):
    full = f"{family} {style}".strip()
    postscript = f"{family.replace(' ', '')}-{style}"
    names = font["name"]
    names.names = [n for n in names.names if n.nameID not in (1, 2, 3, 4, 6, 16, 17, 18, 21, 22)]
    for plat, enc, lang in ((3, 1, 0x409), (1, 0, 0)):
        for name_id, value in ((1, family), (2, "Regular" if weight < 700 else "Bold"),
                               (3, f"lianxi:{postscript}"), (4, full), (6, postscript)):
            names.setName(value, name_id, plat, enc, lang)
    font["OS/2"].usWeightClass = weight
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [postscript]
        top = cff.topDictIndex[0]
        for key in ("FullName", "FamilyName"):
            if hasattr(top, key):
                setattr(top, key, full if key == "FullName" else family)


def main():
    for name in ("FandolFang-Regular.otf", "FandolHei-Regular.otf", "FandolKai-Regular.otf"):
        shutil.copyfile(FANDOL / name, OUT / name)

    song = TTFont(FANDOL / "FandolSong-Regular.otf")
    cut(song, [ord(c) for c in "0123456789 \u2014\u2013-\u3000"], ["kern"])
    song.save(OUT / "FandolSong-Digits.otf")

    gbk = gbk_code_points()
    features = ["kern", "palt", "halt", "fwid", "hwid", "pwid", "ccmp", "liga"]
    for source, style, weight in (("NotoSerifCJK-Regular.ttc", "Regular", 400),
                                  ("NotoSerifCJK-Bold.ttc", "Bold", 700)):
        font = TTFont(NOTO / source, fontNumber=SC_FACE)
        cut(font, gbk, features)
        rename(font, "Lianxi Serif SC", style, weight)
        font.save(OUT / f"LianxiSerifSC-{style}.otf")


if __name__ == "__main__":
    main()
