"""``haven``: the command line. Wiring only: each command calls a service and prints what comes back.

The JSON shapes printed here are a stable contract other tools depend on; change them only additively.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
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
    from haven.privacy.offline import enforce_offline

    enforce_offline()


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


@app.command(context_settings={"ignore_unknown_options": True})
def score(
    instrument: str = typer.Argument(..., help="phq9, gad7 or who5."),
    answers: list[str] = typer.Argument(..., help="The item scores in order, e.g. 0 1 2 ..."),
    save: bool = typer.Option(False, "--save", help="Also keep the result for the default profile."),
) -> None:
    """Score a questionnaire; print {"instrument", "total", "band", "crisis"} as JSON (a screening, not a diagnosis)."""
    from haven.tracking.scoring import AnswerError
    from haven.tracking.scoring import score as score_answers

    try:
        result = score_answers(instrument, [_whole_number(a) for a in answers])
    except (AnswerError, KeyError) as error:
        typer.echo(f"haven score: {error.args[0]}", err=True)
        raise typer.Exit(2)
    if save:
        from haven.storage.db import DEFAULT_PERSON, get_engine
        from haven.tracking.assessments import save_assessment

        save_assessment(get_engine(), DEFAULT_PERSON, result)
    _print_json(result.as_json())
    if result.crisis:
        _echo_crisis_help()


def _whole_number(text: str) -> int | str:
    try:
        return int(text)
    except ValueError:
        return text  # reported by the scorer as out of range, with its position


def _echo_crisis_help() -> None:
    """On a crisis answer the help lines go to stderr, so stdout stays the JSON contract."""
    from haven.config import get_settings
    from haven.safety import crisis_response

    response = crisis_response(get_settings().region)
    typer.echo(getattr(response, "text", None) or str(response), err=True)


@app.command()
def demo(remove: bool = typer.Option(False, "--remove", help="Delete the demo profile and its data.")) -> None:
    """Fill (or with --remove, delete) the clearly-marked demo profile: 90 days of made-up data."""
    from haven.storage.db import get_engine
    from haven.tracking.demo import fill_demo, remove_demo

    if remove:
        _print_json({"removed": remove_demo(get_engine())})
        return
    _print_json(fill_demo(get_engine()).as_json())


@app.command()
def chat(
    message: str = typer.Argument(..., help="What you want to say."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    conversation: Optional[int] = typer.Option(None, "--conversation", help="Add to this conversation id."),
) -> None:
    """Answer one chat message with the configured engine (offline guide by default)."""
    from haven.chat.service import get_chat_service
    from haven.storage.db import DEFAULT_PERSON

    reply = get_chat_service().respond(DEFAULT_PERSON, message, conversation_id=conversation)
    if as_json:
        _print_json(reply.as_json())
        return
    typer.echo(reply.text)
    for citation in reply.citations:
        typer.echo(f"[{citation.n}] {citation.label()} ({citation.source})")
    if reply.notice:
        typer.echo(reply.notice, err=True)


def _private_engine():
    """The database engine; asks for the passphrase (hidden) when the file is encrypted and none is given."""
    from haven.privacy import WrongPassphrase, is_locked, unlock
    from haven.storage.db import get_engine

    try:
        if is_locked():
            unlock(typer.prompt("Passphrase for Haven's database", hide_input=True, err=True))
        return get_engine()
    except WrongPassphrase as error:
        typer.echo(f"haven: {error}", err=True)
        raise typer.Exit(1) from None


@app.command("export")
def export_data(
    out: Path = typer.Option(..., "--out", help="Where to write everything, as one JSON file."),
    csv_out: Optional[Path] = typer.Option(None, "--csv", help="Also write the check-ins as CSV here."),
) -> None:
    """Export everything (chats, check-ins, exercises, questionnaires) to one versioned JSON file."""
    from haven.privacy import write_export

    _print_json(write_export(_private_engine(), out, csv_out).as_json())


@app.command("import")
def import_data(path: Path = typer.Argument(..., help="A file made by `haven export`.")) -> None:
    """Import an export. The whole file is checked first; a bad one is refused and nothing is written."""
    from haven.privacy import InvalidExport, import_file

    engine = _private_engine()
    try:
        report = import_file(engine, path)
    except InvalidExport as error:
        typer.echo(f"haven import: {error}", err=True)
        raise typer.Exit(2) from None
    _print_json(report.as_json())


@app.command("delete")
def delete_data(yes: bool = typer.Option(False, "--yes", help="Do not ask; delete at once.")) -> None:
    """Delete everything Haven keeps about you (every profile). Export first if you want a copy."""
    from haven.privacy import CONFIRM_WORD, delete_everything

    engine = _private_engine()
    if not yes:
        typed = typer.prompt(f"This deletes all your Haven data for good. Type {CONFIRM_WORD} to go on", err=True)
        if typed.strip() != CONFIRM_WORD:
            typer.echo("Nothing was deleted.", err=True)
            raise typer.Exit(1)
    _print_json({"deleted": delete_everything(engine)})


@app.command()
def triage(
    text: Optional[str] = typer.Argument(None, help="The text to triage."),
    jsonl: bool = typer.Option(
        False, "--jsonl", help='Read lines of {"text": ...} from stdin; print one JSON result per line.'
    ),
) -> None:
    """Triage text for crisis: prints {"text", "level", "category", "evidence", "ms"} per text."""
    import time

    from haven.safety import triage as run_triage

    def one(value: str) -> dict:
        start = time.perf_counter()
        result = run_triage(value)
        ms = round((time.perf_counter() - start) * 1000, 2)
        return {"text": value, **result.to_dict(), "ms": ms}

    if not jsonl:
        _print_json(one(text or ""))
        return
    from haven.safety.semantic import load_exemplars

    load_exemplars()  # load the model and embed the exemplars once, so each "ms" is that text's own time
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            value = json.loads(line).get("text", "")
        except (json.JSONDecodeError, AttributeError):
            value = line.rstrip("\n")  # a plain line is triaged as it is rather than dropped
        _print_json(one(value if isinstance(value, str) else str(value)))


def main() -> None:  # console-script entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
