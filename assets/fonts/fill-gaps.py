"""Fills the code points of U+4E00–U+9FFF that Noto Sans CJK 2.004 lacks (Unicode 14's
U+9FF0–U+9FFF) with GNU Unifont's glyphs, scaled to the ideographic em box, and writes
cmap format 12 subtables so readers that trust the 16-bit format-4 length see every mapping."""
import sys
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.transformPen import TransformPen

noto = TTFont(sys.argv[1])
unifont = TTFont(sys.argv[2])
scale = noto["head"].unitsPerEm / unifont["head"].unitsPerEm
best = noto.getBestCmap()
uni_best = unifont.getBestCmap()
uni_glyphs = unifont.getGlyphSet()
missing = [c for c in range(0x4E00, 0xA000) if c not in best and c in uni_best]

cff = noto["CFF "].cff
top = cff.topDictIndex[0]
charstrings = top.CharStrings
fd_index = top.FDSelect[charstrings.charStrings[best[0x4E00]]]
private = top.FDArray[fd_index].Private
order = noto.getGlyphOrder()
# CID-keyed CFF names glyphs by CID (16 bits); the subset leaves most CIDs unused.
used = {int(n[3:]) for n in order if n.startswith("cid")}
free = (cid for cid in range(1, 65535) if cid not in used)
for cp in missing:
    name = f"cid{next(free):05d}"
    pen = T2CharStringPen(width=1000, glyphSet=None)
    uni_glyphs[uni_best[cp]].draw(TransformPen(pen, (scale, 0, 0, scale, 0, 0)))
    cs = pen.getCharString(private=private, globalSubrs=cff.GlobalSubrs)
    charstrings.charStringsIndex.append(cs)
    charstrings.charStrings[name] = len(charstrings.charStringsIndex) - 1
    top.FDSelect.append(fd_index)
    order.append(name)
    if top.charset is not order:
        top.charset.append(name)
    bounds = cs.calcBounds(None) or (0, 0, 0, 0)
    noto["hmtx"][name] = (1000, int(bounds[0]))
    noto["vmtx"][name] = (1000, int(880 - bounds[3]))
    best[cp] = name
noto.setGlyphOrder(order)
noto["maxp"].numGlyphs = len(order)
cmap = noto["cmap"]
cmap.tables = [t for t in cmap.tables if t.format == 4]
for t in cmap.tables:
    t.cmap = dict(best)
for plat, enc in ((0, 4), (3, 10)):
    t = CmapSubtable.newSubtable(12)
    t.platformID, t.platEncID, t.language = plat, enc, 0
    t.cmap = dict(best)
    cmap.tables.append(t)
noto.save(sys.argv[3])
print(f"added {len(missing)} glyphs: {''.join(map(chr, missing))}")
