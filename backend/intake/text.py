"""Chinese text for matching: normalisation and word segmentation (jieba, one tokenizer per process)."""

from __future__ import annotations

import logging
import re
import threading
import unicodedata

import jieba

_NOT_WORD = re.compile(r"[\W_]+")
# Words that say nothing about the problem; single characters are kept (爆, 堵 carry meaning).
_STOPWORDS = (
    "的 了 在 是 有 我 我们 你 您 他 她 它 这 那 这个 那个 一个 就 都 也 和 与 及 很 太 还 又 请 吗 呢 吧 啊 "
    "被 把 给 让 到 从 对 说 要 会 能 去 来 上 下 里 个 人 现在 今天 一直 已经 什么 怎么 没有 一下"
)
STOPWORDS = frozenset(_STOPWORDS.split())

_tokenizer: jieba.Tokenizer | None = None
_lock = threading.Lock()


def tokenizer() -> jieba.Tokenizer:
    """The shared tokenizer, loaded on first use (about half a second: call it off the event loop)."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            jieba.setLogLevel(logging.WARNING)  # it announces every dictionary load on stderr
            tk = jieba.Tokenizer()
            tk.initialize()
            _tokenizer = tk
        return _tokenizer


def normalize(text: str) -> str:
    """NFKC, lower case, without whitespace and punctuation: the form descriptions are compared in."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).lower())


def words(text: str) -> list[str]:
    """Search-mode words of ``text`` (long words also yield their parts), without stopwords."""
    return [w for w in tokenizer().cut_for_search(normalize(text)) if w not in STOPWORDS and not w.isdigit()]
