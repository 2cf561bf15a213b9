<?php
// Every bjlg command, once: its synopsis, description, arguments, options and examples. The
// parser (CommandLine) checks argv against these definitions and the help (CommandHelp) is
// generated from them; nothing else lists a command's options.
//
// Keys are command paths ("backup", "cron next", "sla forecast"). A group ("cron", "sla",
// "notify") has 'subcommands'. An option is a flag unless it has a 'value' (the placeholder
// shown in help); 'allowed' lists the accepted values (anything else is a usage error),
// 'aliases' maps an old spelling to an allowed value, 'repeatable' collects every occurrence
// into a list, 'default' is shown in help only (the command applies it).
//
// A command that prints rows lists their 'fields': it takes --fields=a,b (checked against them,
// cli/Formatter.php). Every command but a group, help and --wp takes the global options
// --quiet and --no-color (cli/Output.php): they are added at the end, once.
declare(strict_types=1);

$secret = [
    'key-file' => ['value' => 'FILE', 'description' => 'the key (bjlg keygen); or BJLG_ENCRYPTION_KEY'],
    'password-file' => ['value' => 'FILE', 'description' => 'the password, one trailing newline removed'],
];
$progress = ['progress' => ['value' => 'MODE', 'allowed' => ['auto', 'bar', 'json', 'none'], 'default' => 'auto',
    'description' => 'progress on stderr: a bar with phase, rate and ETA when stderr is a terminal (auto), or one JSON object per record']];
$database = [
    'db' => ['value' => 'DSN|WP-CONFIG', 'description' => 'the database too, as database.sql: a PDO DSN (mysql:host=H;dbname=D or mysql:unix_socket=S;dbname=D) or a wp-config.php path'],
    'db-user' => ['value' => 'USER', 'description' => "the DSN's user"],
    'db-password-file' => ['value' => 'FILE', 'description' => "the DSN's password, from a file (or BJLG_DB_PASSWORD); never on the command line"],
    'db-prefix' => ['value' => 'PREFIX', 'description' => 'only the tables starting with PREFIX (one site: wp_3_)'],
];
$transfer = [
    'timeout-ms' => ['value' => 'N', 'default' => '30000', 'description' => 'time budget of each destination (quota, purge) or message (notify), in milliseconds'],
    'retries' => ['value' => 'N', 'default' => '2', 'description' => 'retries after a 429 or 5xx answer, 0 to 10'],
    'ca-bundle' => ['value' => 'FILE', 'description' => 'PEM file of the certificate authorities to trust'],
];
$format = static fn (array $allowed, string $what = 'output format') => ['format' => [
    'value' => 'FORMAT', 'allowed' => $allowed, 'default' => $allowed[0], 'description' => $what,
] + (in_array('table', $allowed, true) ? ['aliases' => ['text' => 'table']] : [])];
$cron = [
    'tz' => ['value' => 'ZONE', 'description' => "time zone of the schedule: Europe/Paris, +02:00, UTC (default: PHP's date.timezone)"],
    'from' => ['value' => 'DATE', 'description' => 'start from this date instead of now (ISO 8601, 2025-01-15T10:07:30Z)'],
    'count' => ['value' => 'N', 'description' => 'number of runs, 1-10000 (preview: 5, check: 3)'],
    'locale' => ['value' => 'LOCALE', 'allowed' => ['en', 'fr'], 'default' => 'en', 'description' => 'language of descriptions and messages'],
    'min-interval' => ['value' => 'S', 'description' => 'smallest accepted gap between runs, in seconds (default: the bjlg.cron_min_interval INI setting, 300)'],
    'duration' => ['value' => 'S', 'description' => 'expected run time of the job, in seconds, for overlaps'],
    'config' => ['value' => 'FILE', 'description' => 'a JSON schedules file: a list of {"name", "expression", "duration", "timezone"} objects, or an object with such a list under "schedules"'],
] + $format(['text', 'json']);
$expr = [['name' => 'EXPR', 'description' => 'a five-field cron expression ("30 2 * * 1-5") or a macro ("@daily"); quote it']];
$cronExit = 'Exit status: 0 success, 1 a check found an error, 2 a usage error (bad option, invalid expression, unknown time zone).';
$slaCommon = $format(['table', 'json', 'csv', 'html']) + [
    'out' => ['value' => 'FILE', 'description' => 'write there (through a temporary file) instead of standard output'],
    'locale' => ['value' => 'LOCALE', 'allowed' => ['en', 'fr'], 'default' => 'en', 'description' => 'language of the report'],
    'timezone' => ['value' => 'ZONE', 'default' => 'UTC', 'description' => 'time zone of the dates'],
    'now' => ['value' => 'TIME', 'description' => 'Unix seconds or a date, instead of now'],
];
$forecast = [
    'history' => ['value' => 'FILE', 'description' => 'the JSON-lines history `bjlg quota --record FILE` appends to (required)'],
    'out' => $slaCommon['out'],
    'threshold' => ['value' => 'RATIO', 'description' => 'the share of the quota that counts as saturated'],
    'horizon-days' => ['value' => 'N', 'description' => 'how far to project, in days'],
    'confidence' => ['value' => 'C', 'description' => 'the confidence of the projection interval'],
    'now' => $slaCommon['now'],
] + $format(['table', 'json', 'csv', 'yaml']);
$objectives = [
    'rpo-target' => ['value' => 'DURATION', 'description' => 'the RPO aimed for'],
    'rto-target' => ['value' => 'DURATION', 'description' => 'the RTO aimed for'],
    'window' => ['value' => 'DURATION', 'default' => '30d', 'description' => 'the period evaluated'],
];
$slaExit = 'Exit status: 0 done, 1 an input could not be read or was refused, 2 usage error.';
$notifySend = $format(['table', 'json', 'csv', 'yaml']) + $transfer + [
    'allow-private-network' => ['description' => 'accept receivers on loopback or a LAN'],
];
$message = [
    'title' => ['value' => 'TEXT', 'description' => 'the title of the message (required)'],
    'line' => ['value' => 'TEXT', 'repeatable' => true, 'description' => 'a line of the message'],
    'severity' => ['value' => 'LEVEL', 'default' => 'info', 'description' => 'info, warning, error or critical'],
    'event' => ['value' => 'NAME', 'default' => 'manual', 'description' => 'the event the message is about'],
];
$notifyFields = ['status', 'attempts', 'http_code', 'error_code', 'error', 'latency_ms', 'channel', 'type'];
$notifyExit = 'Exit status: 0 every message sent, 1 some message failed or the input was refused, 2 usage error.';
$verifyCommon = $secret + [
    'report' => ['value' => 'OUT.json', 'description' => 'the report as JSON (written 0600)'],
    'html' => ['value' => 'OUT.html', 'description' => 'the report as HTML (written 0600): the verdict and next steps first, and with --history a chart of the past runs'],
    'locale' => ['value' => 'LOCALE', 'allowed' => ['en', 'fr'], 'default' => 'en', 'description' => 'language of the HTML report'],
    'timezone' => ['value' => 'ZONE', 'default' => 'UTC', 'description' => 'time zone of the times in the HTML report (Europe/Paris, +02:00)'],
    'history' => ['value' => 'FILE', 'description' => 'append one JSON line per run'],
] + $format(['text', 'json']) + $progress;
$verifyExit = 'Exit status: 0 passed, 1 failed (the backup is bad), 3 inconclusive, 2 usage error.';
// --json: the spelling of --format=json before --format.
$jsonFlag = ['json' => ['description' => 'the same as --format=json']];
$cryptoExit = 'Exit status: 0 success, 1 the data did not authenticate (wrong secret, corrupted, truncated), 2 usage error, 3 unsupported format or I/O error.';
$archiveExit = 'Exit status: 0 success, 1 failure (I/O, corrupt or unsafe archive), 2 usage error.';

$commands = [
    'cron' => [
        'synopsis' => 'bjlg cron <next|preview|describe|check> EXPR [options]',
        'short' => 'the cron engine: next runs, descriptions and guardrails of a schedule',
        'subcommands' => ['next', 'preview', 'describe', 'check'],
        'exit' => $cronExit,
    ],
    'cron next' => [
        'synopsis' => 'bjlg cron next EXPR [--tz=ZONE] [--from=DATE] [--format=text|json]',
        'short' => 'the next run of a cron expression',
        'arguments' => $expr,
        'options' => array_intersect_key($cron, array_flip(['tz', 'from', 'format'])),
        'examples' => ["bjlg cron next '30 2 * * 1-5' --tz=Europe/Paris"],
        'exit' => $cronExit,
    ],
    'cron preview' => [
        'synopsis' => 'bjlg cron preview EXPR [--tz=ZONE] [--from=DATE] [--count=N] [--format=table|json|csv|yaml] [--fields=F,...]',
        'short' => 'the next runs of a cron expression (--count=N, default 5)',
        'description' => 'One row per run: at (ISO 8601 with the offset of the zone), timestamp (Unix seconds). The table lists the dates; json gives {"expression", "timezone", "runs"}, or the rows with --fields.',
        'arguments' => $expr,
        'options' => array_intersect_key($cron, array_flip(['tz', 'from', 'count'])) + $format(['table', 'json', 'csv', 'yaml']),
        'fields' => ['at', 'timestamp'],
        'examples' => ['bjlg cron preview @daily --count=3 --format=json'],
        'exit' => $cronExit,
    ],
    'cron describe' => [
        'synopsis' => 'bjlg cron describe EXPR [--locale=en|fr] [--format=text|json]',
        'short' => 'a cron expression in words',
        'arguments' => $expr,
        'options' => array_intersect_key($cron, array_flip(['locale', 'format'])),
        'examples' => ["bjlg cron describe '0 3 * * 1' --locale=fr"],
        'exit' => $cronExit,
    ],
    'cron check' => [
        'synopsis' => 'bjlg cron check (EXPR | --config=FILE.json) [options]',
        'short' => 'guardrails: too frequent, never fires, DST, overlaps',
        'arguments' => [$expr[0] + ['optional' => true]],
        'description' => 'One row per schedule checked (its result: the fields below). The table gives, for --config, a summary line per schedule, then each schedule with its next runs and warnings; json gives the result of EXPR, or {"file", "schedules", "errors"} for --config; csv and yaml (and --fields) give the rows, a list field as its JSON in csv.',
        'options' => array_diff_key($cron, ['format' => 1]) + $format(['table', 'json', 'csv', 'yaml']),
        'fields' => ['name', 'expression', 'timezone', 'duration', 'valid', 'normalized', 'description', 'next_runs',
                     'warnings', 'min_interval', 'runs_per_day', 'errors'],
        'examples' => ["bjlg cron check '*/1 * * * *' --min-interval=300", 'bjlg cron check --config=schedules.json --format=json',
                       'bjlg cron check --config=schedules.json --format=csv --fields=name,errors'],
        'exit' => $cronExit,
    ],
    'backup' => [
        'synopsis' => 'bjlg backup --out FILE [options] SRC[=PREFIX]...',
        'short' => 'a backup archive of files and folders',
        'description' => 'Archives each SRC folder under PREFIX (default: the folder\'s name), or a file as PREFIX; "-=NAME" reads standard input as the entry NAME (a SQL dump).',
        'arguments' => [['name' => 'SRC[=PREFIX]', 'repeatable' => true, 'description' => 'a file or folder to archive, and its name in the archive']],
        'options' => [
            'out' => ['value' => 'FILE', 'description' => 'the archive to write (required); an existing FILE is replaced only with --force (or --yes)'],
            'force' => ['description' => 'replace an existing --out FILE'],
            'yes' => ['description' => 'the same as --force'],
            'level' => ['value' => 'N', 'default' => '6', 'description' => 'deflate level 0-9'],
            'threads' => ['value' => 'N', 'description' => 'compression threads (default: all cores)'],
            'exclude' => ['value' => 'PATTERN', 'repeatable' => true, 'description' => 'shell pattern on absolute paths, or on entry names when it starts with neither / nor * (--exclude wp-content/uploads)'],
            'include' => ['value' => 'PATTERN', 'repeatable' => true, 'description' => 'shell pattern of what to keep'],
            'no-default-excludes' => ['description' => 'do not apply the default exclusions (caches, backups)'],
            'follow-symlinks' => ['description' => 'follow symlinks that stay inside the sources'],
            'since' => ['value' => 'FILE', 'description' => 'incremental against a previous archive or index'],
            'verify' => ['description' => 'decompress and CRC-check every entry before renaming'],
            'encrypt' => ['description' => 'encrypt the archive (the zip exists only in a private folder beside FILE until then); the secret comes from --key-file, --password-file or BJLG_ENCRYPTION_KEY'],
            'encrypt-format' => ['value' => 'FORMAT', 'allowed' => ['bjlg', 'bjlgenc1'], 'default' => 'bjlg', 'description' => "bjlg or the plugin's format"],
        ] + $secret + $database + $format(['table', 'json'], "the summary's format") + $progress,
        'examples' => ['bjlg backup --out site.zip /var/www/html/wp-content=wp-content',
                       'mysqldump wp | bjlg backup --out db.zip -=database.sql',
                       'bjlg backup --out site.zip --encrypt --key-file site.key --db /var/www/html/wp-config.php /var/www/html'],
        'exit' => $archiveExit,
    ],
    'list' => [
        'synopsis' => 'bjlg list FILE [--format=table|json|csv|yaml] [--fields=F,...] [--key-file F | --password-file F]',
        'short' => 'the entries of an archive: size, compressed size, method, name',
        'description' => 'An encrypted archive is read in place, decrypted in memory (no plaintext file).',
        'arguments' => [['name' => 'FILE', 'description' => 'the archive, plain or encrypted']],
        'options' => $format(['table', 'json', 'csv', 'yaml']) + $secret,
        'fields' => ['name', 'size', 'compressed_size', 'method', 'crc', 'mtime', 'mode', 'is_dir', 'is_symlink'],
        'examples' => ['bjlg list site.zip --format=csv', 'bjlg list site.zip --fields=name,size --format=json'],
        'exit' => $archiveExit,
    ],
    'extract' => [
        'synopsis' => 'bjlg extract FILE DIR [--max-size=BYTES] [--no-overwrite] [--key-file F | --password-file F] [--progress=auto|bar|json|none]',
        'short' => 'extract an archive, refusing unsafe entries',
        'description' => 'Extracts FILE into DIR under the safety rules of docs/archive.md. --progress draws phase extract, in bytes, with the entry at hand.',
        'arguments' => [['name' => 'FILE', 'description' => 'the archive, plain or encrypted'], ['name' => 'DIR', 'description' => 'where to extract']],
        'options' => [
            'max-size' => ['value' => 'BYTES', 'description' => 'refuse an archive that would extract to more'],
            'no-overwrite' => ['description' => 'keep existing files'],
        ] + $secret + $progress,
        'examples' => ['bjlg extract site.zip /tmp/restore --max-size=10000000000'],
        'exit' => $archiveExit,
    ],
    'keygen' => [
        'synopsis' => 'bjlg keygen [--out FILE]',
        'short' => 'a new encryption key (base64) on stdout, or in FILE (0600)',
        'options' => ['out' => ['value' => 'FILE', 'description' => 'write the key there (it must not exist)']],
        'examples' => ['bjlg keygen --out site.key'],
        'exit' => $cryptoExit,
    ],
    'encrypt' => [
        'synopsis' => 'bjlg encrypt IN OUT [--file-format=bjlg|bjlgenc1] [--chunk-size=BYTES] [--kdf=scrypt|pbkdf2]',
        'short' => 'encrypt a file',
        'description' => 'The secret comes from --key-file FILE, --password-file FILE or BJLG_ENCRYPTION_KEY, never from the command line (--key and --password are refused).',
        'arguments' => [['name' => 'IN', 'description' => 'the file to encrypt'], ['name' => 'OUT', 'description' => 'the encrypted file']],
        'options' => $secret + [
            'file-format' => ['value' => 'FORMAT', 'allowed' => ['bjlg', 'bjlgenc1'], 'default' => 'bjlg', 'description' => "the encryption format: bjlg or the plugin's"],
            'chunk-size' => ['value' => 'BYTES', 'description' => 'the size of each authenticated chunk'],
            'kdf' => ['value' => 'KDF', 'allowed' => ['scrypt', 'pbkdf2'], 'description' => 'how a password becomes a key'],
        ] + $format(['text', 'json']) + $jsonFlag + $progress,
        'examples' => ['bjlg encrypt site.zip site.zip.bjlg --key-file site.key'],
        'exit' => $cryptoExit,
    ],
    'decrypt' => [
        'synopsis' => 'bjlg decrypt IN OUT [--key-file F | --password-file F]',
        'short' => 'decrypt and authenticate a file',
        'arguments' => [['name' => 'IN', 'description' => 'the encrypted file'], ['name' => 'OUT', 'description' => 'the plaintext file']],
        'options' => $secret + $format(['text', 'json']) + $jsonFlag + $progress,
        'examples' => ['BJLG_ENCRYPTION_KEY=$(cat site.key) bjlg decrypt site.zip.bjlg site.zip'],
        'exit' => $cryptoExit,
    ],
    'inspect' => [
        'synopsis' => 'bjlg inspect FILE [--format=text|json]',
        'short' => 'format, KDF and key fingerprint of an encrypted file (no secret needed)',
        'arguments' => [['name' => 'FILE', 'description' => 'an encrypted file']],
        'options' => $format(['text', 'json']) + $jsonFlag,
        'examples' => ['bjlg inspect site.zip.bjlg --format=json'],
        'exit' => $cryptoExit,
    ],
    'verify' => [
        'synopsis' => 'bjlg verify ARCHIVE [--key-file F | --password-file F] [--sample FRACTION] [--no-sha256]',
        'short' => 'verify a backup archive (plain or encrypted) in one pass',
        'description' => "One streaming pass, no plaintext on disk: encryption, zip structure, entry names, CRC of every entry (or a deterministic --sample), backup-index.json, the manifest and the SQL dump. An encrypted file that is not an archive is authenticated (every byte), nothing written.",
        'arguments' => [['name' => 'ARCHIVE', 'description' => 'the archive, plain or encrypted']],
        'options' => $verifyCommon + [
            'sample' => ['value' => 'FRACTION', 'description' => 'check the CRC of this share of the entries, greater than 0 and at most 1'],
            'no-sha256' => ['description' => "skip the archive file's own SHA-256 in the report (every check still runs)"],
        ],
        'examples' => ['bjlg verify site.zip.bjlg --key-file site.key --report verify.json'],
        'exit' => $verifyExit,
    ],
    'restore-test' => [
        'synopsis' => 'bjlg restore-test ARCHIVE [--with-database | --dsn-file F] [--chain FULL,INC,...] [options]',
        'short' => 'restore into a sandbox, compare, measure RTO/RPO, remove everything',
        'description' => "A real restore into a private sandbox: extraction under the reader's safety rules, files against the index, with --with-database the dump imported into a throwaway MariaDB; RTO and RPO measured.",
        'arguments' => [['name' => 'ARCHIVE', 'description' => 'the archive to restore (the last of --chain)']],
        'options' => $verifyCommon + [
            'with-database' => ['description' => 'import the dump into a throwaway MariaDB'],
            'dsn-file' => ['value' => 'FILE', 'description' => 'import into a fresh database of this server instead: a PDO DSN "mysql:unix_socket=...;user=...;password=..."'],
            'chain' => ['value' => 'FULL,INC,...', 'description' => 'the earlier archives (full first) restored before ARCHIVE'],
            'sandbox' => ['value' => 'DIR', 'description' => 'where the private sandbox is made'],
        ],
        'examples' => ['bjlg restore-test site.zip --with-database --format=json'],
        'exit' => $verifyExit,
    ],
    'quota' => [
        'synopsis' => 'bjlg quota --config FILE.yaml [options]',
        'short' => 'usage and quota of every remote destination (YAML)',
        'description' => "Collects the usage and quota of every destination in FILE.yaml, all at once, and prints a table (name, used, quota, free, % used, latency, error) or JSON. FILE.yaml holds a list of destinations, or a map whose \"destinations\" key is that list; each has a name, a type (s3, azure, b2, gdrive, dropbox, onedrive, pcloud, webdav, sftp, local) and that type's keys (docs/quota.md).",
        'options' => [
            'config' => ['value' => 'FILE', 'description' => 'the destinations file (required)'],
        ] + $format(['table', 'json', 'csv', 'yaml']) + $transfer + [
            'record' => ['value' => 'HISTORY', 'description' => "append one sample per destination to the JSON-lines HISTORY file, for 'bjlg sla forecast'"],
        ],
        'fields' => ['name', 'type', 'used_bytes', 'quota_bytes', 'free_bytes', 'latency_ms', 'errors', 'error_codes',
                     'object_count', 'source', 'quota_source', 'collected_at'],
        'examples' => ['bjlg quota --config destinations.yaml --record quota.jsonl', 'bjlg quota --config destinations.yaml --fields=name,used_bytes,quota_bytes --format=csv'],
        'exit' => 'Exit status: 0 every destination measured, 1 some destination failed, 2 usage error.',
    ],
    'purge' => [
        'synopsis' => 'bjlg purge --config FILE.yaml [--policy POLICY.yaml] [--yes] [options]',
        'short' => 'retention on every remote destination: a dry run, deleted with --yes',
        'description' => "Applies a retention policy to every destination of FILE.yaml at once. Without --yes it is a dry run: it lists each destination and prints the archives the policy deletes (size, date and the reason), how many it keeps and how many foreign files are there. json gives {dry_run, plan[, run]}; csv and yaml give one row per archive to delete (destination, archive, size, time as Unix seconds, reason, and after --yes its outcome). With --yes it plans the same way, then deletes: each destination is listed again first, and one whose archives changed since the plan is left alone. The policy keys: keep_last, keep_daily, keep_weekly, keep_monthly, keep_yearly, max_age_days, min_keep, keep_verified, timezone (docs/purge.md).",
        'options' => [
            'config' => ['value' => 'FILE', 'description' => 'the destinations file (required)'],
            'policy' => ['value' => 'FILE', 'description' => 'the policy file (default: the "policy" key of --config)'],
            'dry-run' => ['description' => 'only plan, delete nothing (the default without --yes)'],
            'yes' => ['description' => 'delete what the plan says (ignored with --dry-run)'],
        ] + $format(['table', 'json', 'csv', 'yaml']) + [
            'record' => ['value' => 'EVENTS', 'description' => "with --yes: append the run's events (JSON lines) to EVENTS, the input of 'bjlg sla purge --events'"],
            'save-plan' => ['value' => 'FILE', 'description' => 'write the plan (JSON, no credential) to FILE, to run exactly that plan later with --plan'],
            'plan' => ['value' => 'FILE', 'description' => 'with --yes: run the plan saved in FILE instead of planning again; with the same --journal, resumes a killed run'],
            'max-plan-age' => ['value' => 'S', 'default' => '3600', 'description' => 'the oldest plan --plan runs, in seconds'],
            'journal' => ['value' => 'FILE', 'description' => 'with --yes: the journal of intents and outcomes (one file per plan)'],
            'lang' => ['value' => 'LANG', 'allowed' => ['en', 'fr'], 'default' => 'en', 'description' => 'the language of the reasons'],
            'parallel' => ['value' => 'N', 'default' => '4', 'description' => 'deletions in flight per destination, 1 to 64'],
        ] + $transfer + $progress,
        'fields' => ['destination', 'archive', 'size', 'time', 'reason', 'outcome'],
        'examples' => ['bjlg purge --config destinations.yaml', 'bjlg purge --config destinations.yaml --format=csv --fields=destination,archive,reason',
                       'bjlg purge --config destinations.yaml --yes --record purge.jsonl'],
        'exit' => 'Exit status: 0 done (or nothing to do), 1 a destination could not be listed or an archive could not be deleted, 2 usage error (including an unreadable or invalid file).',
    ],
    'sla' => [
        'synopsis' => 'bjlg sla <subcommand> [options]',
        'short' => 'forecasts, capacity plan, purge SLA, RTO/RPO, reports',
        'subcommands' => ['forecast', 'plan', 'purge', 'objectives', 'report'],
        'exit' => $slaExit,
    ],
    'sla forecast' => [
        'synopsis' => 'bjlg sla forecast --history FILE [options]',
        'short' => 'when each destination reaches its threshold and fills up',
        'options' => $forecast + ['destination' => ['value' => 'NAME', 'description' => 'only this destination']],
        'fields' => ['destination', 'model', 'samples_used', 'current_used_bytes', 'quota_bytes', 'current_ratio',
            'growth_bytes_per_day', 'threshold_bytes', 'threshold_at', 'threshold_at_low', 'threshold_at_high', 'full_at',
            'days_to_threshold', 'risk_level'],
        'examples' => ['bjlg sla forecast --history quota.jsonl --format=json', 'bjlg sla forecast --history quota.jsonl --fields=destination,full_at,risk_level'],
        'exit' => $slaExit,
    ],
    'sla plan' => [
        'synopsis' => 'bjlg sla plan --history FILE [options]',
        'short' => 'every destination at once: which saturates first, and ranked recommendations',
        'options' => $forecast + [
            'quota' => ['value' => 'NAME=BYTES', 'repeatable' => true, 'description' => 'give or override the quota of a destination'],
            'target-days' => ['value' => 'N', 'default' => '365', 'description' => 'the days of headroom to aim for'],
            'lang' => ['value' => 'LANG', 'allowed' => ['en', 'fr'], 'default' => 'en', 'description' => 'the language of the recommendations'],
        ],
        'description' => 'The table says which destination saturates first and lists the recommendations; json gives the whole plan; csv and yaml (and --fields) give one row per recommendation.',
        'fields' => ['rank', 'code', 'destination', 'bytes', 'days_gained', 'message_en', 'message_fr'],
        'examples' => ['bjlg sla plan --history quota.jsonl --quota nas=2000000000000'],
        'exit' => $slaExit,
    ],
    'sla purge' => [
        'synopsis' => 'bjlg sla purge --events FILE [options]',
        'short' => 'purge SLA: backlog, time to purge, throughput, failures, when the backlog clears',
        'options' => ['events' => ['value' => 'FILE', 'description' => 'the purge events (JSON lines, bjlg purge --record) (required)'],
            'target' => ['value' => 'DURATION', 'default' => '24h', 'description' => 'the time to purge aimed for: seconds or 90s, 30m, 12h, 7d'],
            'history' => ['value' => 'FILE', 'description' => "links each destination's forecast to its backlog"]] + $slaCommon,
        'examples' => ['bjlg sla purge --events purge.jsonl --target 12h'],
        'exit' => $slaExit,
    ],
    'sla objectives' => [
        'synopsis' => 'bjlg sla objectives (--runs FILE | --history FILE) [options]',
        'short' => 'RPO now, worst RPO and breaches, RTO of restore tests',
        'options' => ['runs' => ['value' => 'FILE', 'description' => 'the runs (JSON lines)'],
            'history' => ['value' => 'FILE', 'description' => 'the history holding the runs']] + $objectives + $slaCommon,
        'examples' => ['bjlg sla objectives --history quota.jsonl --rpo-target 24h'],
        'exit' => $slaExit,
    ],
    'sla report' => [
        'synopsis' => 'bjlg sla report --out FILE [options]',
        'short' => 'an HTML (default), JSON or CSV report from any of the inputs',
        'options' => ['history' => ['value' => 'FILE', 'description' => 'forecasts and objectives'],
            'events' => ['value' => 'FILE', 'description' => 'purge events'],
            'runs' => ['value' => 'FILE', 'description' => 'runs'],
            'backup' => ['value' => 'FILE', 'description' => 'the summary of bjlg backup --format=json'],
            'verify' => ['value' => 'FILE', 'description' => 'the report of bjlg verify --report'],
            'title' => ['value' => 'TEXT', 'description' => 'the title of the report']] + $objectives + [
            'target' => ['value' => 'DURATION', 'default' => '24h', 'description' => 'the time to purge aimed for']]
            + ['format' => ['default' => 'html'] + $slaCommon['format']] + $slaCommon,
        'examples' => ['bjlg sla report --history quota.jsonl --events purge.jsonl --out report.html'],
        'exit' => $slaExit,
    ],
    'watch' => [
        'synopsis' => 'bjlg watch --site DIR --to BACKUP_DIR [options]',
        'short' => 'near-real-time backups: incrementals seconds after changes',
        'description' => 'Runs in the foreground until SIGTERM or SIGINT: a full backup in BACKUP_DIR when there is none to build on, then an incremental of exactly the changed files each time changes have been quiet for the debounce time (or at the latest after the max delay). With --db, the whole database in the full backup, and in each incremental only the tables the journal\'s database events named. A database failure fails the archive like any other: exit status 1, the journal kept.',
        'options' => [
            'site' => ['value' => 'DIR', 'description' => 'the WordPress tree to watch (required)'],
            'to' => ['value' => 'BACKUP_DIR', 'description' => 'where the archives go (required)'],
            'debounce' => ['value' => 'SECONDS', 'default' => '10', 'description' => 'quiet time before an incremental'],
            'max-delay' => ['value' => 'SECONDS', 'default' => '60', 'description' => 'longest wait after the first change'],
            'encrypt' => ['value' => 'KEYFILE', 'description' => 'encrypt every archive with the key in KEYFILE (bjlg keygen)'],
        ] + $database + [
            'journal' => ['value' => 'FILE', 'description' => 'the change journal (default BACKUP_DIR/.bjlg-watch/journal)'],
            'history' => ['value' => 'FILE', 'description' => 'the SLA history the RPO samples go to (default BACKUP_DIR/.bjlg-watch/sla-history.jsonl)'],
            'exclude' => ['value' => 'PATTERN', 'repeatable' => true, 'description' => "more exclude patterns (the backup's rules)"],
            'scan' => ['description' => 'scan mode instead of inotify (network file systems)'],
            'scan-hash' => ['description' => "with --scan: also compare each file's SHA-256"],
            'exit-after' => ['value' => 'N', 'description' => 'stop after N archives (tests, benchmarks)'],
        ] + $format(['text', 'json'], 'text, or json: one line per archive'),
        'examples' => ['bjlg watch --site /var/www/html --to /backups --db /var/www/html/wp-config.php'],
        'exit' => 'Exit status: 0 stopped cleanly, 1 an archive could not be written, 2 usage error.',
    ],
    'notify' => [
        'synopsis' => 'bjlg notify <subcommand> [options]',
        'short' => 'test channels, send a message, drive an incident (state file)',
        'description' => "FILE (--config) is YAML (or JSON), checked whole before anything is sent: channels: {NAME: {type: slack, webhook_url: \"...\"}}, policy: {notify: [...], escalation: {...}, quiet_hours: {...}, reminders: {...}} (docs/notify.md).",
        'subcommands' => ['test', 'send', 'incident'],
        'exit' => $notifyExit,
    ],
    'notify test' => [
        'synopsis' => 'bjlg notify test --config FILE [--channel NAME] [options]',
        'short' => 'one test message per channel, a table of results',
        'options' => ['config' => ['value' => 'FILE', 'description' => 'the channels file (required)'],
            'channel' => ['value' => 'NAME', 'description' => 'only this channel']] + $notifySend,
        'fields' => $notifyFields,
        'examples' => ['bjlg notify test --config channels.yaml'],
        'exit' => $notifyExit,
    ],
    'notify send' => [
        'synopsis' => 'bjlg notify send --config FILE --title T [--line L]... [options]',
        'short' => 'send one message to every channel',
        'options' => ['config' => ['value' => 'FILE', 'description' => 'the channels file (required)'],
            'channel' => ['value' => 'NAME', 'description' => 'only this channel']] + $message + $notifySend,
        'fields' => $notifyFields,
        'examples' => ["bjlg notify send --config channels.yaml --title 'Backup failed' --line 'disk full' --severity error"],
        'exit' => $notifyExit,
    ],
    'notify incident' => [
        'synopsis' => 'bjlg notify incident <open|due|ack|resolve> --state FILE [options]',
        'short' => 'drive an incident whose state lives in a JSON file',
        'description' => 'open: a new incident (--config, --title); due: send what is due now (first notice, escalation, reminders, overdue actions); ack: acknowledged by --actor; resolve: resolved by --actor with --summary, broadcast, and an optional --report.',
        'arguments' => [['name' => 'ACTION', 'allowed' => ['open', 'due', 'ack', 'resolve'], 'description' => 'open, due, ack or resolve']],
        'options' => ['state' => ['value' => 'FILE', 'description' => 'the incident state file (required; written 0600)'],
            'config' => ['value' => 'FILE', 'description' => 'open: the channels and policy file']] + $message + [
            'actor' => ['value' => 'NAME', 'description' => 'ack, resolve: who acts'],
            'note' => ['value' => 'TEXT', 'description' => 'ack: a note'],
            'summary' => ['value' => 'TEXT', 'description' => 'resolve: what was done'],
            'action' => ['value' => 'TEXT', 'repeatable' => true, 'description' => 'resolve: a follow-up action'],
            'report' => ['value' => 'FILE', 'description' => 'resolve: write the incident report there'],
            'report-format' => ['value' => 'FORMAT', 'allowed' => ['html', 'markdown', 'json', 'text'], 'default' => 'html', 'description' => 'the format of --report'],
            'lang' => ['value' => 'LANG', 'allowed' => ['en', 'fr'], 'default' => 'en', 'description' => 'the language of --report'],
        ] + $notifySend,
        'fields' => $notifyFields,
        'examples' => ["bjlg notify incident open --state inc.json --config channels.yaml --title 'Backup failed'", 'bjlg notify incident due --state inc.json'],
        'exit' => $notifyExit,
    ],
    'wordpress' => [
        'synopsis' => 'bjlg --wp=DIR [--url=URL] COMMAND [arguments] [--format=FORMAT]',
        'short' => "--wp=DIR COMMAND: the WordPress plugin's backup, list, status, schedule, verify on the site in DIR",
        'description' => 'Runs a command of the bjlg WordPress plugin (wordpress/bjlg, active on the site) on the '
            . 'WordPress whose wp-load.php is in DIR, as `wp bjlg COMMAND` would. Commands: backup (a full '
            . 'backup now, database and wp-content, in the history; --incremental: only what changed since the latest good backup); list (the archives; --format=table|json|csv|yaml, --fields); '
            . 'status (versions, running job, last backup, schedule, missed runs); schedule show|list|set EXPR|disable|run|add|edit ID|delete ID '
            . '(`run` does what WP-Cron does when due); verify NAME (an archive as list names it, checked by '
            . 'the verifier, in the history); restore-test NAME (restored into a sandbox, its dump imported into a '
            . 'throwaway MariaDB, RTO and RPO measured, in the history); restore ARCHIVE --yes (the site\'s tables and uploads '
            . 'replaced by those of the archive, a name or a path, all or nothing); encryption status|enable|disable (new '
            . 'backups encrypted with the site key); delete NAME --yes; key rotate --yes (a new site key, every encrypted archive re-encrypted with it, then the old key removed; resumable); job ID, cancel ID (the progress of a job, or stopping it); jobs (the list, '
            . '--state, --type, --limit); quota (measure the destinations now); forecast (days to each destination\'s '
            . 'threshold); purge (the retention plan, a dry run; --yes applies it); notify [due] | notify test [CHANNEL]; policy export [--out=FILE] '
            . '(the site\'s schedules, destinations, retention, channels and targets as YAML, secrets as references: docs/policy.md), '
            . 'policy import FILE --dry-run|--yes (what changes, section by section; applied with --yes). backup, verify and restore-test show a '
            . 'progress bar on a terminal. A system cron can drive the schedule instead of page views: '
            . '*/5 * * * *  bjlg --wp=/var/www/html schedule run',
        'arguments' => [['name' => 'COMMAND', 'description' => 'backup, list, status, schedule, verify, restore-test, restore, encryption, delete, key, job, cancel, jobs, quota, forecast, purge, notify or policy, and its arguments']],
        'options' => [
            'wp' => ['value' => 'DIR', 'description' => 'the WordPress folder (with wp-load.php)'],
            'url' => ['value' => 'URL', 'description' => "the site's address (the Host header Debian's wp-config.php and multisite choose by)"],
            'format' => ['value' => 'FORMAT', 'allowed' => ['table', 'json', 'csv', 'yaml', 'text'],
                'description' => 'list, jobs, quota, forecast, purge, notify: table, json, csv or yaml; the others: text, json or yaml'],
            'fields' => ['value' => 'F,...', 'description' => 'list, jobs, quota, forecast, purge, notify: only these fields, in this order (list: name, bytes, modified, verified, encrypted, path)'],
            'yes' => ['description' => 'delete: confirm that the archive is to be removed for good; restore: that the site is to be replaced; purge: apply the plan; policy import: apply the file; key rotate: rotate'],
            'incremental' => ['description' => 'backup: only what changed since the latest good backup (full or incremental), which it names as its base'],
            'state' => ['value' => 'S,...', 'description' => 'jobs: only these states (queued, running, interrupted, done, failed, cancelled)'],
            'type' => ['value' => 'T,...', 'description' => 'jobs: only these types (backup, verify, restore-test); schedule add|edit: full or incremental'],
            'name' => ['value' => 'NAME', 'description' => 'schedule add|edit: the entry\'s name'],
            'recurrence' => ['value' => 'R', 'description' => 'schedule add|edit: a preset (hourly, daily, weekly, monthly, every_five_minutes, ...) or custom with --cron'],
            'cron' => ['value' => 'EXPR', 'description' => 'schedule add|edit: a cron expression'],
            'macro' => ['value' => 'M', 'description' => 'schedule add|edit: a named preset (hourly_guard, pre_deploy, weekend_snapshot)'],
            'time' => ['value' => 'HH:MM', 'description' => 'schedule add|edit: the time of a daily, weekly or monthly preset'],
            'day' => ['value' => 'DAY', 'description' => 'schedule add|edit: the day of a weekly preset'],
            'day-of-month' => ['value' => 'N', 'description' => 'schedule add|edit: the day of a monthly preset'],
            'enabled' => ['value' => 'true|false', 'description' => 'schedule add|edit: pause (false) or resume (true) the entry'],
            'limit' => ['value' => 'N', 'description' => 'jobs: at most N (1 to 100, default 20)'],
            'out' => ['value' => 'FILE', 'description' => 'policy export: write the YAML into FILE instead of stdout'],
            'dry-run' => ['description' => 'policy import: only show what would change'],
        ] + $progress,
        'examples' => ['bjlg --wp=/var/www/html backup', 'bjlg --wp=/var/www/html list --format=json', 'bjlg --wp=/var/www/html schedule set "0 3 * * *"'],
        'exit' => 'Exit status: 0 success, 1 failure (the backup failed, another job runs, the archive failed its verification), 2 usage error, 3 verification inconclusive.',
    ],
    'version' => [
        'synopsis' => 'bjlg version',
        'short' => 'versions of bjlg and its libraries',
        'description' => 'The versions of bjlg, PHP and the libraries bjlg.so was built with.',
    ],
    'help' => [
        'synopsis' => 'bjlg help [COMMAND [SUBCOMMAND]]',
        'short' => 'this help, or the help of a command',
        'arguments' => [['name' => 'COMMAND', 'optional' => true, 'description' => 'a command, and its subcommand'],],
        'examples' => ['bjlg help sla forecast', 'bjlg sla forecast --help'],
    ],
];

$global = [
    'quiet' => ['description' => 'no informational output (summaries, hints) and no progress bar; errors still go to stderr, the exit status is the same, data and --format output are still printed'],
    'no-color' => ['description' => 'no colour (colour is used only when the output is a terminal, and never when NO_COLOR is set)'],
];
foreach ($commands as $path => &$command) {
    if ($path === 'wordpress') {  // its own --fields (list's); the global options as every command
        $command['options'] += $global;
        continue;
    }
    if (isset($command['subcommands']) || $path === 'help') {
        continue;
    }
    if (isset($command['fields'])) {
        $command['options']['fields'] = ['value' => 'F,...',
            'description' => 'only these fields, in this order, in every format: ' . implode(', ', $command['fields'])];
    }
    $command['options'] = ($command['options'] ?? []) + $global;
}
unset($command);
return $commands;
