# Rewrites DOCX files through python-docx's default template (Word's own
# styles.xml and stylesWithEffects.xml), keeping every paragraph and table
# in body order with its runs' bold and italic: the text a clerk would have
# typed, in the package Word-like producers write. Every second file is set
# in two columns, as some clerks' forms are.
#   pydocx_write.py OUTDIR IN.docx…
import os
import sys

import docx
from docx.table import Table
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def copy_runs(src, dst):
    for r in src.runs:
        n = dst.add_run(r.text)
        n.bold, n.italic = r.bold, r.italic


def main():
    out = sys.argv[1]
    for i, path in enumerate(sys.argv[2:]):
        src = docx.Document(path)
        dst = docx.Document()
        for el in src.element.body.iterchildren():
            if el.tag == W + "p":
                copy_runs(Paragraph(el, src), dst.add_paragraph())
            elif el.tag == W + "tbl":
                t = Table(el, src)
                rows = t.rows
                cols = max((len(r.cells) for r in rows), default=1)
                nt = dst.add_table(rows=len(rows), cols=cols)
                nt.style = "Table Grid"
                for i, r in enumerate(rows):
                    for j, c in enumerate(r.cells):
                        cell = nt.cell(i, j)
                        first = True
                        for p in c.paragraphs:
                            np = cell.paragraphs[0] if first else cell.add_paragraph()
                            first = False
                            copy_runs(p, np)
        if i % 2 == 1:
            sect = dst.sections[0]._sectPr
            cols = sect.find(qn("w:cols"))
            if cols is None:
                cols = OxmlElement("w:cols")
                sect.append(cols)
            cols.set(qn("w:num"), "2")
            cols.set(qn("w:space"), "454")
        dst.save(os.path.join(out, os.path.basename(path)))


main()
