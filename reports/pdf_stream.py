"""A PDF written part by part with flat memory: each part is a finished PDF file whose pages (and the objects
they use: contents, fonts, images) are copied into the output and forgotten; the page tree, the outline
(bookmarks) and the page labels are written at the end from the little kept per page.

    out = PdfStream(path, title="Subject binder")
    out.add_part(path_of_subject_pdf, slot=1, label_prefix="LN-01-")   # pages, bookmarks, labels
    out.add_part(path_of_contents_pdf, slot=0, label_style="r")        # placed first
    out.finish()

Parts are ordered by `slot` (a part made last can go first); within a part, its own outline is kept with its
levels and targets. Objects are copied as they are (streams stay compressed), with their numbers renumbered.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    PdfObject,
    TextStringObject,
)

HEADER = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"


@dataclass
class _Part:
    pages: list[int] = field(default_factory=list)  # output object numbers of the part's pages
    outline: list[tuple[int, str, int, float | None]] = field(default_factory=list)  # level, title, page index, top
    label_style: str = "D"
    label_prefix: str | None = None


class PdfStream:
    """An output PDF assembled from finished PDF files (see the module docstring)."""

    def __init__(self, path: str | Path, title: str = "") -> None:
        self._file = open(path, "wb")  # noqa: SIM115 (closed in finish/close)
        self._file.write(HEADER)
        self._offsets: list[int | None] = [None]
        self._title = title
        self._parts: dict[int, _Part] = {}
        self._pages_root = self._reserve()

    def _reserve(self) -> int:
        self._offsets.append(None)
        return len(self._offsets) - 1

    def _write(self, number: int, obj: PdfObject) -> None:
        buf = io.BytesIO()
        buf.write(f"{number} 0 obj\n".encode())
        obj.write_to_stream(buf)
        buf.write(b"\nendobj\n")
        self._offsets[number] = self._file.tell()
        self._file.write(buf.getvalue())

    def add_part(self, path: str | Path, slot: int, *, label_style: str = "D", label_prefix: str | None = None) -> int:
        """Copy every page of the PDF at `path` (with its outline) as part `slot`; returns its page count."""
        reader = PdfReader(path)
        mapping: dict[int, int] = {}
        queue: list[int] = []

        def renumber(idnum: int) -> int:
            if idnum not in mapping:
                mapping[idnum] = self._reserve()
                queue.append(idnum)
            return mapping[idnum]

        def remap(obj: PdfObject) -> PdfObject:
            if isinstance(obj, IndirectObject):
                return IndirectObject(renumber(obj.idnum), 0, None)  # type: ignore[arg-type]
            if isinstance(obj, DictionaryObject):
                for key, value in list(obj.items()):
                    obj[key] = remap(value)
            elif isinstance(obj, ArrayObject):
                for i, value in enumerate(obj):
                    obj[i] = remap(value)
            return obj

        part = _Part(label_style=label_style, label_prefix=label_prefix)
        page_ids = [page.indirect_reference.idnum for page in reader.pages]
        part.pages = [renumber(idnum) for idnum in page_ids]
        page_set = set(page_ids)
        while queue:
            idnum = queue.pop()
            obj = reader.get_object(idnum)
            if idnum in page_set:
                obj[NameObject("/Parent")] = IndirectObject(self._pages_root, 0, None)  # type: ignore[arg-type]
            for key, value in list(obj.items()) if isinstance(obj, DictionaryObject) else ():
                if not (idnum in page_set and key == "/Parent"):
                    obj[key] = remap(value)
            if isinstance(obj, ArrayObject):
                remap(obj)
            self._write(mapping[idnum], obj)

        def walk(items: list, level: int) -> None:
            for item in items:
                if isinstance(item, list):
                    walk(item, level + 1)
                else:
                    top = item.top
                    part.outline.append((level, str(item.title), reader.get_destination_page_number(item),
                                         None if top is None or isinstance(top, NullObject) else float(top)))

        walk(reader.outline, 0)
        self._parts[slot] = part
        return len(part.pages)

    def _outline(self, entries: list[tuple[int, str, int, float | None]]) -> int | None:
        """Write the outline tree of (level, title, page object number, top); returns the root's number."""
        if not entries:
            return None
        root = self._reserve()
        nodes: list[dict] = []
        stack: list[dict] = [{"num": root, "children": []}]
        for level, title, page, top in entries:
            level = min(level, len(stack) - 1)
            del stack[level + 1:]
            node = {"num": self._reserve(), "title": title, "page": page, "top": top, "children": [],
                    "parent": stack[-1], "index": len(stack[-1]["children"])}
            stack[-1]["children"].append(node)
            nodes.append(node)
            stack.append(node)

        def ref(node: dict) -> IndirectObject:
            return IndirectObject(node["num"], 0, None)  # type: ignore[arg-type]

        for node in nodes:
            siblings = node["parent"]["children"]
            i = node["index"]
            d = DictionaryObject({
                NameObject("/Title"): TextStringObject(node["title"]),
                NameObject("/Parent"): ref(node["parent"]),
                NameObject("/Dest"): ArrayObject([
                    IndirectObject(node["page"], 0, None), NameObject("/XYZ"), NumberObject(0),  # type: ignore[arg-type]
                    FloatObject(node["top"]) if node["top"] is not None else NullObject(), NullObject()]),
            })
            if i > 0:
                d[NameObject("/Prev")] = ref(siblings[i - 1])
            if i + 1 < len(siblings):
                d[NameObject("/Next")] = ref(siblings[i + 1])
            if node["children"]:
                d[NameObject("/First")] = ref(node["children"][0])
                d[NameObject("/Last")] = ref(node["children"][-1])
                d[NameObject("/Count")] = NumberObject(-len(node["children"]))
            self._write(node["num"], d)
        top_level = stack[0]["children"]
        self._write(root, DictionaryObject({
            NameObject("/Type"): NameObject("/Outlines"), NameObject("/First"): ref(top_level[0]),
            NameObject("/Last"): ref(top_level[-1]), NameObject("/Count"): NumberObject(len(top_level))}))
        return root

    def finish(self) -> int:
        """Write the page tree, outline, page labels, catalog and cross-reference table; returns the page count."""
        kids: list[int] = []
        outline: list[tuple[int, str, int, float | None]] = []
        nums = ArrayObject()
        for slot in sorted(self._parts):
            part = self._parts[slot]
            label = DictionaryObject({NameObject("/S"): NameObject("/" + part.label_style)})
            if part.label_prefix:
                label[NameObject("/P")] = TextStringObject(part.label_prefix)
            nums += [NumberObject(len(kids)), label]
            outline += [(level, title, part.pages[page], top) for level, title, page, top in part.outline]
            kids += part.pages
        self._write(self._pages_root, DictionaryObject({
            NameObject("/Type"): NameObject("/Pages"), NameObject("/Count"): NumberObject(len(kids)),
            NameObject("/Kids"): ArrayObject(IndirectObject(k, 0, None) for k in kids)}))  # type: ignore[arg-type]
        catalog = DictionaryObject({
            NameObject("/Type"): NameObject("/Catalog"),
            NameObject("/Pages"): IndirectObject(self._pages_root, 0, None),  # type: ignore[arg-type]
            NameObject("/PageLabels"): DictionaryObject({NameObject("/Nums"): nums}),
        })
        root = self._outline(outline)
        if root is not None:
            catalog[NameObject("/Outlines")] = IndirectObject(root, 0, None)  # type: ignore[arg-type]
            catalog[NameObject("/PageMode")] = NameObject("/UseOutlines")
        catalog_num = self._reserve()
        self._write(catalog_num, catalog)
        info_num = self._reserve()
        self._write(info_num, DictionaryObject({NameObject("/Title"): TextStringObject(self._title),
                                                NameObject("/Creator"): TextStringObject("TrialDesk")}))
        xref = self._file.tell()
        lines = [f"xref\n0 {len(self._offsets)}\n", "0000000000 65535 f \n"]
        lines += [f"{offset:010d} 00000 n \n" for offset in self._offsets[1:]]
        lines.append(f"trailer\n<< /Size {len(self._offsets)} /Root {catalog_num} 0 R /Info {info_num} 0 R >>\n"
                     f"startxref\n{xref}\n%%EOF\n")
        self._file.write("".join(lines).encode())
        self._file.close()
        return len(kids)

    def close(self) -> None:
        """Close the file without finishing it (after a failure; the caller removes it)."""
        self._file.close()
