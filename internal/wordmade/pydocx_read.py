# The baseline reader: python-docx opening each file and reading every
# paragraph and table cell, as a Python service would. Prints the mean
# nanoseconds per file over REPS passes (interpreter start excluded).
#   pydocx_read.py REPS IN.docx…
import sys
import time

import docx


def text(d):
    out = [p.text for p in d.paragraphs]
    for t in d.tables:
        for r in t.rows:
            for c in r.cells:
                out.append(c.text)
    return out


def main():
    reps, paths = int(sys.argv[1]), sys.argv[2:]
    for p in paths:  # warm the imports and the page cache
        text(docx.Document(p))
    start = time.perf_counter_ns()
    for _ in range(reps):
        for p in paths:
            text(docx.Document(p))
    print((time.perf_counter_ns() - start) // (reps * len(paths)))


main()
