"""Reading XML from outside without its dangers: no DTD, no entity declarations, no external resources.

defusedxml's parser refuses a document type declaration outright (`forbid_dtd`), so neither an entity
expansion bomb ("billion laughs") nor an external entity (a local file, a URL) is ever read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse


class UnsafeOrBadXml(ValueError):
    """The file is not well-formed XML, or declares a DTD or entities; the message says which, in plain words."""


def iter_elements(path: Path, events: tuple[str, ...] = ("start", "end")) -> Iterator[tuple[str, Element]]:
    """(event, element) pairs of the file, read incrementally; UnsafeOrBadXml on a DTD, an entity or bad XML."""
    try:
        yield from iterparse(str(path), events=events, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise UnsafeOrBadXml(f"{path} declares a DTD or entities ({type(exc).__name__}); such files are refused "
                             "because they can expand without limit or read other files.") from None
    except ParseError as exc:
        raise UnsafeOrBadXml(f"{path} is not well-formed XML ({exc}).") from None


def local_name(element: Any) -> str:
    """The tag without its namespace."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
