"""``python -m dutygraph.fonts`` rebuilds the bundled GB 2312 subset from the system's Noto Sans CJK SC."""

from dutygraph.fonts import build_bundled_font

if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    print(build_bundled_font())
