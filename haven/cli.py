"""``haven``: the command line. Wiring only: each command calls a service and prints what comes back.

The JSON shapes printed here are a stable contract other tools depend on; change them only additively.
"""

from __future__ import annotations

import gc
import json
import sys
from pathlib import Path

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
    """Check every exercise, article and clinician review; print each problem as path:line: message."""
    from haven.content.validate import validate_library
    from haven.reviews import reviewed_dir, validate_reviews

    report = validate_library()
    problems = report.problems + validate_reviews(reviewed_dir())
    for problem in problems:
        typer.echo(str(problem))
    typer.echo(report.summary() if not problems or report.problems else f"{len(problems)} problem(s) in reviews", err=True)
    raise typer.Exit(1 if problems else 0)


@app.command()
def ingest(rebuild: bool = typer.Option(False, "--rebuild", help="Re-embed everything.")) -> None:
    """Bring the library index in step with the files (only changed documents are embedded)."""
    from haven.content.loader import load_default_library
    from haven.retrieval.index import IndexUnavailable, IngestRunning
    from haven.retrieval.index import ingest as ingest_library

    library = load_default_library()
    for problem in library.problems:
        typer.echo(f"skipped: {problem}", err=True)
    try:
        report = ingest_library(library, rebuild=rebuild)
    except (IndexUnavailable, IngestRunning) as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from exc
    for label, ids in (("added", report.added), ("updated", report.updated), ("removed", report.removed)):
        if ids:
            typer.echo(f"{label}: {', '.join(ids)}")
    typer.echo(report.summary())


@app.command()
def prepare() -> None:
    """Get everything a first start needs ready now (models, library index), so nobody's first visit waits.

    `make run` runs this before starting the app. Each step is skipped when already done."""
    from haven.first_start import STEPS
    from haven.first_start import prepare as run_steps

    with typer.progressbar(length=len(STEPS), label="Getting Haven ready", file=sys.stderr) as bar:

        def on_step(step) -> None:
            bar.label = f"Getting Haven ready: {step.label}"
            bar.update(0 if step is STEPS[0] else 1)

        outcomes = run_steps(on_step=on_step)
        bar.update(1)
    for outcome in outcomes:
        typer.echo(f"{'ok' if outcome.ok else 'not ready'}: {outcome.label}: {outcome.note}", err=True)
    failed = [o.label for o in outcomes if not o.ok]
    if failed:
        typer.echo(
            f"Haven still starts: {', '.join(failed)} will be retried when first needed "
            "(crisis help never depends on them). Details are in the log file.",
            err=True,
        )


def _hit_json(hit) -> dict:
    return {
        "id": hit.doc_id,
        "title": hit.title,
        "kind": hit.kind,
        "section": hit.section,
        "source": hit.source,
        "score": hit.score,
        "passage": hit.passage,
        "why": dict(hit.why),  # which rankings put it here: {"learned": 1, "dense": 2, ...} (1-based ranks)
    }


@app.command()
def search(
    query: str | None = typer.Argument(None, help="What you are looking for, in your own words."),
    k: int = typer.Option(5, "--k", min=1, max=50, help="How many documents."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    jsonl: bool = typer.Option(False, "--jsonl", help='Batch: read {"query": ...} lines on stdin.'),
) -> None:
    """Search the library. Prints the best documents with the passage that matched and its source."""
    import time

    from haven.retrieval.search import get_library_search

    if not jsonl and not query:
        typer.echo("Give a QUERY, or --jsonl to read queries from stdin.", err=True)
        raise typer.Exit(2) from None
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
        if hit.why:
            typer.echo("    found by: " + ", ".join(f"{name} #{rank}" for name, rank in hit.why.items()))
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
        raise typer.Exit(2) from None
    if save:
        from haven.storage.db import DEFAULT_PERSON
        from haven.tracking.assessments import save_assessment

        try:
            engine = _private_engine()
        except typer.Exit:
            if result.crisis:  # the database would not open: the result is still shown, help first
                _print_json(result.as_json())
                _echo_crisis_help()
            raise
        save_assessment(engine, DEFAULT_PERSON, result)
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
    from haven.tracking.demo import fill_demo, remove_demo

    engine = _private_engine()
    if remove:
        _print_json({"removed": remove_demo(engine)})
        return
    _print_json(fill_demo(engine).as_json())


@app.command()
def chat(
    message: str | None = typer.Argument(
        None, help="What you want to say. Leave it out in a terminal to talk turn by turn (Ctrl-D ends)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object (one per turn)."),
    conversation: int | None = typer.Option(None, "--conversation", help="Add to this conversation id."),
) -> None:
    """Answer one chat message with the configured engine (offline guide by default).

    Crisis help never waits on anything: if the chat cannot run (a database that will not open, say), the
    message is still triaged and any help it needs is printed from static data, with a note that it was
    not saved. The details go to the log file in the data dir.
    """
    from haven.logfile import log_to_file

    log_to_file()
    if message is None:
        if not _in_terminal():
            typer.echo("haven chat: give a MESSAGE, or run it in a terminal to talk turn by turn.", err=True)
            raise typer.Exit(2)
        _chat_interactively(as_json, conversation)
        return
    _print_reply(_chat_turn(message, conversation), as_json)


def _in_terminal() -> bool:
    """True when a person is typing (so ``haven chat`` with no message may open a conversation)."""
    return sys.stdin.isatty()


def _chat_turn(message: str, conversation: int | None):
    """One turn through the chat service, timed; an unknown conversation id exits 2 with a plain message."""
    import time

    from haven.chat.service import get_chat_service
    from haven.chat.store import ConversationNotFound
    from haven.storage.db import DEFAULT_PERSON

    try:
        service = get_chat_service()  # built once per process: not part of the turn's time
        _load_the_library_search_meanwhile(service)
        start = time.perf_counter()
        reply = service.respond(DEFAULT_PERSON, message, conversation_id=conversation)
    except ConversationNotFound:
        typer.echo(
            f"haven chat: there is no conversation {conversation}. Leave out --conversation to start a new one.",
            err=True,
        )
        raise typer.Exit(2) from None
    except Exception as error:  # noqa: BLE001 - any fault: help first, then a plain message
        start = time.perf_counter()
        reply = _chat_without_the_service(message, error)
    return reply, (time.perf_counter() - start) * 1000


def _load_the_library_search_meanwhile(service) -> None:
    """Start loading the library search (its snapshot, BM25, scipy) on a second thread while triage reads
    the message: on two cores the two overlap where ONNX Runtime releases the GIL. The turn's own search
    waits for it (the deferred searcher's lock); a failure there is the turn's "no passages", as before."""
    import threading

    build = getattr(service.searcher, "searcher", None)
    if build is not None:
        threading.Thread(target=_quietly, args=(build,), name="load-library-search", daemon=True).start()


def _quietly(build) -> None:
    try:
        build()
    except Exception:  # noqa: BLE001 - recorded by the deferred searcher; the turn reports it
        pass


def _print_reply(turn, as_json: bool) -> None:
    reply, ms = turn
    if as_json:
        _print_json({**reply.as_json(), "ms": round(ms, 1)})
        return
    typer.echo(reply.text)
    for citation in reply.citations:
        typer.echo(f"[{citation.n}] {citation.label()} ({citation.source})")
    if reply.notice:
        typer.echo(reply.notice, err=True)


def _chat_interactively(as_json: bool, conversation: int | None) -> None:
    """A conversation in the terminal: the recap from last time first, then turns until Ctrl-D (or Ctrl-C)."""
    from haven.chat.service import get_chat_service
    from haven.storage.db import DEFAULT_PERSON

    if conversation is None:
        recap = get_chat_service().opening(DEFAULT_PERSON)
        typer.echo(recap.text if recap else "Hi, I'm Haven. How are you feeling today?")
    typer.echo("(Ctrl-D to stop)", err=True)
    while True:
        try:
            message = input("> ")
        except (EOFError, KeyboardInterrupt):
            typer.echo("", err=True)
            return
        if not message.strip():
            continue
        reply, ms = _chat_turn(message, conversation)
        conversation = reply.conversation_id or conversation
        _print_reply((reply, ms), as_json)
        typer.echo("")


def _chat_without_the_service(message: str, error: Exception):
    """The safety reply for ``message`` from static data when the chat could not run; else exit 1, plainly."""
    from haven.chat.safety_first import safety_first
    from haven.config import get_settings
    from haven.logfile import describe, record_fault

    log = record_fault(error, "haven chat")
    where = f" Details: {log}." if log else ""
    reply = safety_first(message, get_settings().region)
    if reply is None:
        typer.echo(f"haven chat: the chat could not run ({describe(error)}); your message was not saved.{where}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"haven chat: this message could not be saved ({describe(error)}).{where}", err=True)
    return reply


def _private_engine():
    """The database engine; asks for the passphrase (hidden) when the file is encrypted and none is given.

    Whatever keeps the database from opening (a wrong passphrase, a damaged file, a re-key running in
    another Haven) is said in one plain line naming the file, with exit code 1: never a traceback.
    """
    from haven.privacy import WrongPassphrase, is_locked, unlock
    from haven.storage.crypto import DatabaseCorrupt
    from haven.storage.db import get_engine
    from haven.storage.locking import DatabaseInUse

    try:
        if is_locked():
            unlock(typer.prompt("Passphrase for Haven's database", hide_input=True, err=True))
        return get_engine()
    except (WrongPassphrase, DatabaseCorrupt, DatabaseInUse) as error:
        typer.echo(f"haven: {error}", err=True)
        raise typer.Exit(1) from None


@app.command("export")
def export_data(
    out: Path = typer.Option(..., "--out", help="Where to write everything, as one JSON file."),
    csv_out: Path | None = typer.Option(None, "--csv", help="Also write your check-ins as CSV here."),
    force: bool = typer.Option(False, "--force", help="Replace files that already exist (never the database)."),
) -> None:
    """Export everything (chats, check-ins, exercises, questionnaires) to one versioned JSON file."""
    from haven.privacy import write_export
    from haven.storage.private_files import OutputRefused

    engine = _private_engine()
    try:
        summary = write_export(engine, out, csv_out, force=force)
    except OutputRefused as error:
        typer.echo(f"haven export: {error}", err=True)
        raise typer.Exit(2) from None
    except OSError as error:
        typer.echo(f"haven export: cannot write {error.filename or out}: {error.strerror}. Nothing was written.",
                   err=True)  # fmt: skip
        raise typer.Exit(1) from None
    _print_json(summary.as_json())


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
    text: str | None = typer.Argument(None, help="The text to triage."),
    jsonl: bool = typer.Option(
        False,
        "--jsonl",
        help='Read lines of {"text": ..., "context": [earlier messages, oldest first]} from stdin; '
        "print one JSON result per line.",
    ),
) -> None:
    """Triage text for crisis: prints {"text", "level", "category", "audience", "evidence", "ms"} per text.

    level is none, concern or crisis. In context, Haven's own earlier messages start with "haven:".
    """
    import time

    from haven.safety import triage as run_triage

    def one(value: str, context: list[str] | None = None) -> dict:
        start = time.perf_counter()
        result = run_triage(value, context=context)
        ms = round((time.perf_counter() - start) * 1000, 2)
        return {"text": value, **result.to_dict(), "ms": ms}

    if not jsonl:
        _print_json(one(text or ""))
        return
    run_triage("warming up")  # load the model once, so each "ms" is that text's own time
    for line in sys.stdin:
        if not line.strip():
            continue
        value, context = _triage_line(line)
        _print_json(one(value, context))


def _triage_line(line: str) -> tuple[str, list[str] | None]:
    """One input line: a JSON object with "text" (and maybe "context"), or plain text triaged as it is."""
    try:
        data = json.loads(line)
    except (json.JSONDecodeError, ValueError, RecursionError):
        return line.rstrip("\n"), None  # a plain line is triaged as it is rather than dropped
    if not isinstance(data, dict):
        return (data if isinstance(data, str) else line.rstrip("\n")), None
    value = data.get("text", "")
    context = data.get("context")
    if isinstance(context, list):
        context = [_context_text(item) for item in context if item]
    else:
        context = None
    return (value if isinstance(value, str) else str(value)), context


def _context_text(item) -> str:
    """A context entry: a string, or {"role": "assistant"|"user", "text"|"content": ...}."""
    if isinstance(item, dict):
        words = str(item.get("text") or item.get("content") or "")
        return f"haven: {words}" if item.get("role") in ("assistant", "haven", "bot") else words
    return str(item)


@app.command("train-triage")
def train_triage(
    member: str = typer.Option(
        None, help="Retrain the model averaged in with the main one (before_long: all but round 9's long messages)."
    ),
    average: bool = typer.Option(
        False, "--average", help="Only choose the averaged model's thresholds on dev (after both are trained)."
    ),
    most_false_crisis: int = typer.Option(
        None, help="With --average: at most this many dev messages labelled none read as a crisis."
    ),
    neighbours: bool = typer.Option(
        False,
        "--neighbours",
        help="Only rebuild the second opinion's neighbours: the train split and the read sets' turns.",
    ),
) -> None:
    """Retrain triage's learned layer from haven/safety/data/triage (deterministic; thresholds chosen on dev)."""
    from haven.safety.training import MEMBERS, build_neighbours, choose_average_thresholds, train

    if neighbours:
        built = build_neighbours()
        _print_json({"neighbours": len(built.crisis), "crises": int(built.crisis.sum()), "data_hash": built.data_hash})
        return
    if average:
        chosen = choose_average_thresholds(log=lambda line: typer.echo(line, err=True), most_false_crisis=most_false_crisis)
        _print_json({"average_thresholds": vars(chosen)})
        return
    if member is not None and member not in MEMBERS:
        typer.echo(f"No such model to average in: {member!r}. Known: {', '.join(MEMBERS)}.", err=True)
        raise typer.Exit(2)
    # progress on stderr, JSON on stdout
    report = train(write=True, log=lambda line: typer.echo(line, err=True), member=member)
    _print_json({"counts": report.counts, "C": report.c, "thresholds": report.thresholds})


@app.command("train-safe-claims")
def train_safe_claims(
    extract: bool = typer.Option(
        False, "--extract", help="First rewrite data/safe_claims/turns.yaml from the risk conversations already read."
    ),
) -> None:
    """Retrain the learned reader of safe claims (threshold chosen leaving out one writer's set at a time)."""
    from haven.safety import safe_claims_training as training

    if extract:
        training.write_turns(training.extract())
    report = training.train(write=True, log=lambda line: typer.echo(line, err=True))  # progress on stderr
    out_of_fold = {"heard": report.heard, "misheard": report.misheard, "misheard_texts": report.misheard_texts}
    _print_json({"counts": report.counts, "C": report.c, "threshold": report.threshold, "out_of_fold": out_of_fold})


@app.command("train-themes")
def train_themes() -> None:
    """Retrain the chat's learned reader of themes from haven/chat/data/themes (deterministic; thresholds on dev)."""
    from haven.chat.theme_model import train

    _, report = train(log=lambda line: typer.echo(line, err=True))  # progress on stderr, JSON on stdout
    _print_json(
        {
            "counts": report.counts,
            "C": report.c,
            "add_at": report.add_at,
            "dev_main_theme": {"words": round(report.dev_words.main, 3), "with_model": round(report.dev_model.main, 3)},
        }
    )


@app.command("train-valence")
def train_valence() -> None:
    """Retrain the chat's learned reader of good news from haven/chat/data/valence (deterministic; C and the
    threshold chosen on dev; benchmarks/valence.py reports held-out)."""
    from haven.chat.valence import train

    _, report = train(log=lambda line: typer.echo(line, err=True))  # progress on stderr, JSON on stdout
    dev = report.dev
    _print_json(
        {
            "counts": report.counts,
            "C": report.c,
            "good_at": report.good_at,
            "dev": {"precision": round(dev.precision, 3), "recall": round(dev.recall, 3), "hard_read_good": dev.hard_read_good},
        }
    )


@app.command("train-guard")
def train_guard() -> None:
    """Retrain the output guard's learned layer from haven/safety/data/guard (deterministic; the encoder's share
    and the threshold chosen on dev). Same as `benchmarks/guard.py --train`, without the figures."""
    from haven.safety.guard import train

    model = train(log=lambda line: typer.echo(line, err=True))  # progress on stderr, JSON on stdout
    _print_json(
        {
            "threshold": model.threshold,
            "encoder_weight": model.encoder_weight,
            "linear_threshold": model.linear_threshold,
            "data_hash": model.data_hash,
        }
    )


def _iso_day(text: str, flag: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        typer.echo(f"haven report: {flag} {text!r} is not a date like 2025-03-31", err=True)
        raise typer.Exit(2) from None


@app.command()
def report(
    from_day: str = typer.Option(..., "--from", help="First day, YYYY-MM-DD."),
    to_day: str = typer.Option(..., "--to", help="Last day, YYYY-MM-DD (included)."),
    include: str = typer.Option(
        "mood,scores,exercises", "--include", help="Comma-separated: mood,scores,exercises,thought-records,notes."
    ),
    out: Path = typer.Option(..., "--out", help="report.pdf, report.md (charts beside it) or report.zip."),
    note: list[int] = typer.Option([], "--note", help="A check-in note to include, by id (repeat). Default: "
                                   "every note in the dates when 'notes' is in --include."),  # fmt: skip
    thought_record: list[int] = typer.Option([], "--thought-record", help="A thought record by run id (repeat). "
                                             "Default: every one in the dates when included."),  # fmt: skip
    profile: str = typer.Option("me", "--profile", help="Whose data: 'me' or 'demo'."),
) -> None:
    """Make a report to share with a therapist (self-help data, not a clinical record)."""
    from haven.reports import ReportOptions, Section, build_report, parse_sections
    from haven.reports.choices import note_choices, thought_record_choices

    start, end = _iso_day(from_day, "--from"), _iso_day(to_day, "--to")
    try:
        sections = parse_sections(include)
        if out.suffix.lower() not in (".pdf", ".md", ".zip"):
            raise ValueError(f"--out must end in .pdf, .md or .zip, not {out.name!r}")
        if start > end:
            raise ValueError("--from is after --to")
    except ValueError as error:
        typer.echo(f"haven report: {error}", err=True)
        raise typer.Exit(2) from None
    engine = _private_engine()
    if Section.NOTES in sections and not note:
        note = [n.id for n in note_choices(engine, profile, start, end)]
    if Section.THOUGHT_RECORDS in sections and not thought_record:
        thought_record = [r.id for r in thought_record_choices(engine, profile, start, end)]
    options = ReportOptions(start=start, end=end, sections=sections, note_ids=tuple(note),
                            thought_record_ids=tuple(thought_record))  # fmt: skip
    written = build_report(engine, profile, options).write(out)
    _print_json({"written": [str(p) for p in written], "sections": sorted(s.value for s in sections)})


@app.command()
def review(
    file: Path | None = typer.Argument(None, help="A conversation export (JSON) to review."),
    summary: bool = typer.Option(False, "--summary", help="Print how many replies were reviewed, as JSON."),
    export_id: int | None = typer.Option(None, "--export", help="Export this conversation id to --out."),
    out: Path | None = typer.Option(None, "--out", help="Where --export writes the JSON file."),
    reviewer: str | None = typer.Option(None, "--reviewer", help="Your name, saved with the review."),
    publish_id: int | None = typer.Option(None, "--publish", help="Publish this stored review's approved replies, "
                                          "de-identified, to the library's reviewed folder."),  # fmt: skip
    yes: bool = typer.Option(False, "--yes", help="With --publish: publish every pair as shown, without asking."),
    directory: Path | None = typer.Option(None, "--dir", help="Where --publish writes (default knowledge/reviewed)."),
) -> None:
    """Review a conversation export reply by reply; the review is kept in your database (encrypted with the
    rest). Or --summary, --export ID --out FILE, or --publish ID (approved replies, de-identified, to the
    library)."""
    from haven.reviews import export_conversation
    from haven.reviews.export import ConversationExport, ConversationNotFound, InvalidConversationExport
    from haven.reviews.models import ReviewInvalid, TurnMark, Verdict, make_review, review_pairs
    from haven.reviews.store import store_review, stored_summary

    if summary:
        _print_json(stored_summary(_private_engine()).as_json())
        return
    if publish_id is not None:
        _publish_review(publish_id, yes, directory)
        return
    if export_id is not None:
        if out is None:
            typer.echo("haven review: --export needs --out FILE", err=True)
            raise typer.Exit(2) from None
        try:
            exported = export_conversation(_private_engine(), export_id)
        except ConversationNotFound as error:
            typer.echo(f"haven review: {error}", err=True)
            raise typer.Exit(1) from None
        _write_private_file(out, exported.to_json(), "haven review")
        _print_json({"written": str(out), "turns": len(exported.turns)})
        return
    if file is None:
        typer.echo("Give a conversation export FILE, or --summary, --export ID --out FILE, or --publish ID.", err=True)
        raise typer.Exit(2) from None
    try:
        conversation = ConversationExport.from_json(file.read_bytes())
    except (OSError, InvalidConversationExport) as error:
        typer.echo(f"haven review: {error}", err=True)
        raise typer.Exit(2) from None
    engine = _private_engine()
    name = reviewer or typer.prompt("Your name (saved with the review)")
    verdicts = {"h": Verdict.HELPFUL, "u": Verdict.UNHELPFUL, "x": Verdict.UNSAFE}
    marks = {}
    pairs = review_pairs(conversation)
    for number, pair in enumerate(pairs, start=1):
        typer.echo(f"\n--- Reply {number} of {len(pairs)} ---\nPERSON: {pair.user_message}\nHAVEN: {pair.reply}")
        choice = typer.prompt("[h]elpful, [u]nhelpful, unsafe [x], or [s]kip", default="s").strip().lower()[:1]
        if choice not in verdicts:
            continue
        comment = typer.prompt("Comment", default="", show_default=False)
        better = typer.prompt("Better reply (empty for none)", default="", show_default=False)
        approved = bool(better) and typer.confirm("Approve the better reply for use in the chat?", default=False)
        marks[pair.index] = TurnMark(verdicts[choice], comment, better, approved)
    if not marks:
        typer.echo("Nothing was marked; no review saved.", err=True)
        raise typer.Exit(1)
    try:
        stored = store_review(engine, make_review(conversation, name, marks))
    except ReviewInvalid as error:
        for message in error.messages:
            typer.echo(f"haven review: {message}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"Kept as review {stored.id} in your database. `haven review --publish {stored.id}` shares its "
               "approved replies, de-identified, with the library.", err=True)  # fmt: skip
    _print_json({"saved": "database", "review": stored.id, "turns": len(marks)})


def _write_private_file(out: Path, text: str, command: str) -> None:
    """Write a file of the person's words owner-only, never over an existing file; a plain message if not."""
    from haven.config import get_settings
    from haven.privacy.passphrase import local_database_file
    from haven.storage.private_files import OutputRefused, check_output_path, write_private

    try:
        protected = [p for p in [local_database_file()] if p is not None]
        write_private(check_output_path(out, protected=protected), [text], get_settings().data_dir)
    except OutputRefused as error:
        typer.echo(f"{command}: {error}", err=True)
        raise typer.Exit(2) from None
    except OSError as error:
        typer.echo(f"{command}: cannot write {error.filename or out}: {error.strerror}. Nothing was written.", err=True)
        raise typer.Exit(1) from None


def _publish_review(review_id: int, yes: bool, directory: Path | None) -> None:
    """Show each approved pair de-identified; publish the ones confirmed (edited if need be) as a library file."""
    from datetime import UTC, datetime

    from haven.reviews.publish import PublishablePair, publish, publishable_pairs
    from haven.reviews.store import ReviewNotFound, get_review, mark_published

    engine = _private_engine()
    try:
        stored = get_review(engine, review_id)
    except ReviewNotFound as error:
        typer.echo(f"haven review: {error}", err=True)
        raise typer.Exit(1) from None
    chosen: list[PublishablePair] = []
    for pair in publishable_pairs(stored.review):
        typer.echo(f"\nMESSAGE (de-identified): {pair.user_message}\nAPPROVED REPLY: {pair.better_reply}", err=True)
        if yes:
            chosen.append(pair)
            continue
        choice = typer.prompt("Publish this pair? [y]es, [e]dit the message first, [n]o", default="n", err=True)
        if choice.strip().lower().startswith("e"):
            edited = typer.prompt("The message, with nothing that identifies anyone", err=True).strip()
            chosen.append(PublishablePair(edited, pair.original_reply, pair.better_reply, pair.verdict))
        elif choice.strip().lower().startswith("y"):
            chosen.append(pair)
    if not chosen:
        typer.echo("haven review: nothing to publish (no approved better reply was chosen).", err=True)
        raise typer.Exit(1)
    path = publish(stored.review, chosen, directory)
    mark_published(engine, review_id, datetime.now(UTC).replace(tzinfo=None))
    _print_json({"published": str(path), "pairs": len(chosen)})


#: Objects allocated between the cyclic collector's passes. A command imports its models and libraries (numpy,
#: scipy, SQLAlchemy, ONNX Runtime) and allocates a great many objects that live to the end, so the default
#: (700) runs the collector thousands of times over them: about 0.3 s of `haven chat`'s 2.2 s start here.
#: Collecting rarely costs little memory in a process that lives seconds (or one interactive conversation).
GC_ALLOCATIONS = 100_000


def main() -> None:  # console-script entry point
    gc.set_threshold(GC_ALLOCATIONS, 50, 50)
    try:
        app()
    except Exception as error:
        # OwnerRequired is looked up only if its module was loaded (nothing else can have raised it): importing
        # it up front brought SQLAlchemy into every command, a third of a second of `haven triage`
        owners = sys.modules.get("haven.storage.owners")
        if owners is None or not isinstance(error, owners.OwnerRequired):
            raise
        # clinic mode: the command line has no signed-in person to act for
        typer.echo(
            f"{error}. In clinic mode (HAVEN_MODE=clinic) people's records are opened through the app, "
            "after signing in; the command line works on a personal install.",
            err=True,
        )
        raise SystemExit(2) from None


if __name__ == "__main__":  # pragma: no cover
    main()
