"""Extract the articles of WARC files with Spark and tinhloc.

Input: a text file listing WARC paths, one per line (local paths on a file system every
executor sees, or URLs fsspec can open, such as s3://... with s3fs installed). Each WARC
file is one Spark task. fastwarc reads its response records; every HTML response becomes
one output row: its URL, WARC record id and date, the article's metadata and text, or the
error that tinhloc gave (``error`` is null for an article). Output is JSON Lines or
Parquet.

A record tinhloc cannot extract, or a WARC file that cannot be read, is counted in a Spark
accumulator and the job goes on; the counts are printed at the end.

Local mode, two cores::

    spark-submit --master 'local[2]' python/examples/spark_warc.py warc.paths out/

On a cluster, unchanged (tinhloc and fastwarc installed on every executor)::

    spark-submit --master spark://host:7077 python/examples/spark_warc.py \
        s3://bucket/warc.paths s3a://bucket/out/ --output-format parquet

``python spark_warc.py ...`` also works where pyspark is pip-installed (local[*]).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import Any, Optional

from pyspark.sql import SparkSession
from pyspark.sql.types import ArrayType, StringType, StructField, StructType

#: The columns of the output, in order.
SCHEMA = StructType(
    [
        StructField("warc_file", StringType(), False),
        StructField("warc_record_id", StringType(), True),
        StructField("warc_date", StringType(), True),
        StructField("url", StringType(), True),
        StructField("content_type", StringType(), True),
        StructField("error", StringType(), True),
        StructField("title", StringType(), True),
        StructField("authors", ArrayType(StringType()), True),
        StructField("published", StringType(), True),
        StructField("modified", StringType(), True),
        StructField("language", StringType(), True),
        StructField("page_type", StringType(), True),
        StructField("site_name", StringType(), True),
        StructField("canonical_url", StringType(), True),
        StructField("text", StringType(), True),
    ]
)

#: Media types read as HTML; other responses (images, PDF, JSON) are skipped and counted.
HTML_MEDIA_TYPES = ("text/html", "application/xhtml+xml")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="text file listing WARC paths or URLs, one per line")
    parser.add_argument("output", help="output directory (Spark writes part files in it)")
    parser.add_argument(
        "--output-format", choices=("jsonl", "parquet"), default="jsonl", help="default: jsonl"
    )
    parser.add_argument(
        "--output-partitions",
        type=int,
        default=None,
        help="number of output files (default: one per WARC file)",
    )
    parser.add_argument(
        "--articles-only",
        action="store_true",
        help="write only the rows with an article (default: every HTML response)",
    )
    parser.add_argument(
        "--markdown", action="store_true", help="text column in Markdown instead of plain text"
    )
    parser.add_argument("--scope", choices=("article", "any"), default="article")
    parser.add_argument("--policy", choices=("balanced", "precision", "recall"), default="balanced")
    parser.add_argument("--mode", choices=("error", "overwrite", "append"), default="error",
                        help="what to do when the output exists (default: error)")
    parser.add_argument("--log-level", default="WARN", help="Spark log level (default: WARN)")
    return parser.parse_args(argv)


def read_paths(spark: SparkSession, listing: str) -> list[str]:
    """The WARC paths of the listing file, without blank lines and # comments."""
    lines = spark.sparkContext.textFile(listing).collect()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def is_html(content_type: Optional[str]) -> bool:
    if not content_type:
        return False
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type in HTML_MEDIA_TYPES


def error_name(error: Exception) -> str:
    """``NoArticle:listing`` for a page without an article, else the exception's class."""
    kind = getattr(error, "kind", None)
    name = type(error).__name__
    return f"{name}:{kind}" if kind else name


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    spark = SparkSession.builder.appName("tinhloc-warc").getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel(args.log_level)

    records_html = sc.accumulator(0)
    records_article = sc.accumulator(0)
    records_no_article = sc.accumulator(0)
    records_failed = sc.accumulator(0)
    records_skipped = sc.accumulator(0)
    warc_read = sc.accumulator(0)
    warc_failed = sc.accumulator(0)

    options: dict[str, Any] = {"scope": args.scope, "policy": args.policy}
    markdown = args.markdown
    articles_only = args.articles_only

    def process_warc(path: str) -> Iterator[tuple]:
        # Imported on the executor: the driver needs neither package to plan the job.
        import tinhloc
        from fastwarc.warc import ArchiveIterator, WarcRecordType

        try:
            records = ArchiveIterator(path, record_types=WarcRecordType.response, parse_http=True)
            for record in records:
                headers = record.http_headers
                content_type = headers.get("Content-Type") if headers is not None else None
                if not is_html(content_type):
                    records_skipped.add(1)
                    continue
                records_html.add(1)
                url = record.headers.get("WARC-Target-URI")
                date = record.headers.get("WARC-Date")
                body = record.reader.read()
                try:
                    article = tinhloc.extract(body, url, content_type, **options)
                except tinhloc.TinhlocError as error:
                    if isinstance(error, tinhloc.NoArticle):
                        records_no_article.add(1)
                    else:
                        records_failed.add(1)
                    if not articles_only:
                        yield (path, record.record_id, date, url, content_type, error_name(error),
                               None, None, None, None, None, None, None, None, None)
                    continue
                records_article.add(1)
                yield (
                    path, record.record_id, date, url, content_type, None,
                    article.title, article.authors, article.published, article.modified,
                    article.language, article.page_type, article.site_name, article.url,
                    article.markdown if markdown else article.text,
                )
            warc_read.add(1)
        except Exception as error:  # noqa: BLE001 - one bad file must not stop the job
            # An unreadable, truncated or malformed file (fastwarc raises OSError, fsspec
            # its own errors): count it, keep the rows already given.
            warc_failed.add(1)
            print(f"tinhloc-warc: cannot read {path}: {error}", file=sys.stderr)

    paths = read_paths(spark, args.input)
    if not paths:
        print(f"no WARC paths in {args.input}", file=sys.stderr)
        return 2
    # One task per WARC file, as in cc-pyspark.
    rows = sc.parallelize(paths, len(paths)).flatMap(process_warc)
    frame = spark.createDataFrame(rows, SCHEMA)
    if args.output_partitions:
        frame = frame.coalesce(args.output_partitions)
    writer = frame.write.mode(args.mode)
    if args.output_format == "parquet":
        writer.parquet(args.output)
    else:
        # Null columns stay in every line, so each line has the same keys.
        writer.option("ignoreNullFields", "false").json(args.output)

    # Accumulators count each task attempt: a retried task counts its records again.
    print(
        f"tinhloc-warc: {warc_read.value} WARC files read, {warc_failed.value} failed; "
        f"{records_html.value} HTML responses: {records_article.value} articles, "
        f"{records_no_article.value} without article, {records_failed.value} errors; "
        f"{records_skipped.value} other responses skipped"
    )
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
