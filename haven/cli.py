"""``haven``: the command line. Wiring only: each command calls a service and prints what comes back.

The JSON shapes printed here are a stable contract other tools depend on; change them only additively.
"""

from __future__ import annotations

import json
import sys
from typing import Optional

import typer

app = typer.Typer(
    help="Haven: a private, offline CBT self-help companion. Not therapy, not a diagnosis.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Haven: a private, offline CBT self-help companion. Not therapy, not a diagnosis."""


def _print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
    sys.stdout.flush()


@app.command()
def validate() -> None:
    """Check every exercise and article; print each problem as path:line: message."""
    from haven.content.validate import validate_library

    report = validate_library()
    for problem in report.problems:
        typer.echo(str(problem))
    typer.echo(report.summary(), err=True)
    raise typer.Exit(1 if report.problems else 0)


@app.command()
def ingest(rebuild: bool = typer.Option(False, "--rebuild", help="Re-embed everything.")) -> None:
    """Bring the library index in step with the files (only changed documents are embedded)."""
    from haven.content.loader import load_default_library
    from haven.retrieval.index import IndexUnavailable
    from haven.retrieval.index import ingest as ingest_library

    library = load_default_library()
    for problem in library.problems:
        typer.echo(f"skipped: {problem}", err=True)
    try:
        report = ingest_library(library, rebuild=rebuild)
    except IndexUnavailable as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from exc
    for label, ids in (("added", report.added), ("updated", report.updated), ("removed", report.removed)):
        if ids:
            typer.echo(f"{label}: {', '.join(ids)}")
    typer.echo(report.summary())


def _hit_json(hit) -> dict:
    return {
        "id": hit.doc_id,
        "title": hit.title,
        "kind": hit.kind,
        "section": hit.section,
        "source": hit.source,
        "score": hit.score,
        "passage": hit.passage,
    }


@app.command()
def search(
    query: Optional[str] = typer.Argument(None, help="What you are looking for, in your own words."),
    k: int = typer.Option(5, "--k", min=1, max=50, help="How many documents."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    jsonl: bool = typer.Option(False, "--jsonl", help='Batch: read {"query": ...} lines on stdin.'),
) -> None:
    """Search the library. Prints the best documents with the passage that matched and its source."""
    import time

    from haven.retrieval.search import get_library_search

    if not jsonl and not query:
        typer.echo("Give a QUERY, or --jsonl to read queries from stdin.", err=True)
        raise typer.Exit(2)
    searcher = get_library_search()
    if jsonl:
        for n, line in enumerate(sys.stdin, start=1):
            if not line.strip():
                continue
            try:
                text = json.loads(line)["query"]
            except (ValueError, KeyError, TypeError):
                typer.echo(f'stdin line {n}: expected {{"query": "..."}}', err=True)
                raise typer.Exit(2) from None
            start = time.perf_counter()
            hits = searcher.search(text, k=k)
            ms = (time.perf_counter() - start) * 1000
            _print_json({"query": text, "hits": [_hit_json(h) for h in hits], "ms": round(ms, 2)})
        return
    hits = searcher.search(query, k=k)
    if as_json:
        _print_json({"query": query, "hits": [_hit_json(h) for h in hits]})
        return
    if not hits:
        typer.echo("Nothing in the library matched.")
    for n, hit in enumerate(hits, start=1):
        typer.echo(f"[{n}] {hit.title} ({hit.kind}) - {hit.section}   score {hit.score:.2f}")
        typer.echo(f"    {hit.source}")
        for line in hit.passage.splitlines()[:4]:
            typer.echo(f"    | {line}")


def main() -> None:  # console-script entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
