"""A database refusal said in plain words, in the screen's language: the disk full, the file busy."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.exc import OperationalError

from models.database import _plain_error
from models.texts import speak


def refusal(detail: str) -> OperationalError:
    return OperationalError("INSERT INTO visits …", {}, sqlite3.OperationalError(detail))


@pytest.fixture
def korean_screen():
    speak("ko")
    yield
    speak("en")


def test_a_full_disk_is_said_plainly() -> None:
    text = _plain_error("study.sqlite3", refusal("database or disk is full"))
    assert text == "study.sqlite3 cannot be written: the disk is full or failing; nothing was saved."


def test_on_a_korean_screen_the_refusal_is_korean(korean_screen) -> None:
    full = _plain_error("study.sqlite3", refusal("database or disk is full"))
    busy = _plain_error("study.sqlite3", refusal("database is locked"))
    assert full == "study.sqlite3에 쓸 수 없습니다: 디스크가 가득 찼거나 고장 났습니다. 아무것도 저장되지 않았습니다."
    assert busy.startswith("study.sqlite3이(가) 사용 중입니다") and "아무것도 저장되지 않았습니다" in busy
