--TEST--
Bjlg\Cli\CommandLine::parse(): --name=value and --name value, flags, repeatable options in lists, "-" and everything after "--" as positionals, aliases, allowed values, --help
--EXTENSIONS--
bjlg
--FILE--
<?php
require getenv('BJLG_SOURCE_DIR') . '/cli/CommandLine.php';
use Bjlg\Cli\CommandLine;

function parse(string $command, string ...$args): void
{
    try {
        echo json_encode(CommandLine::parse($command, $args), JSON_UNESCAPED_SLASHES), "\n";
    } catch (Bjlg\Cli\UsageError $e) {
        echo 'UsageError: ', $e->getMessage(), "\n";
    } catch (Bjlg\Cli\HelpRequested $e) {
        echo 'HelpRequested: ', $e->command, "\n";
    }
}

parse('backup', '--out=a.zip', 'site', '--exclude', '*.log', '--exclude=cache/*', '--verify', '-=db.sql', '--level', '9', '--level=3');
parse('backup', '--out', 'a.zip', '--', '--verify', '-x');
parse('backup', '--out=');
parse('list', 'a.zip', '--format=text');
parse('list', 'a.zip', '--format', 'yaml');
parse('list', 'a.zip', '--format=xml');
parse('notify send', '--line', 'one', '--line=two', '--title=T');
parse('notify send', '--title');
parse('purge', '--dry-run=no');
parse('purge', '--frobnicate');
parse('purge', '--key-file=k');
parse('decrypt', 'a', 'b', '--key=c2VjcmV0');
parse('sla forecast', '--history=h', '-h');
parse('sla forecast', '--history', '--help');
parse('cron next', '--', '--help');
?>
--EXPECT--
[["site","-=db.sql"],{"out":"a.zip","exclude":["*.log","cache/*"],"verify":true,"level":"3"}]
[["--verify","-x"],{"out":"a.zip"}]
[[],{"out":""}]
[["a.zip"],{"format":"table"}]
[["a.zip"],{"format":"yaml"}]
UsageError: --format must be one of table, json, csv, yaml, not 'xml'
[[],{"line":["one","two"],"title":"T"}]
UsageError: option --title needs a value
UsageError: option --dry-run takes no value
UsageError: unknown option --frobnicate for bjlg purge
UsageError: unknown option --key-file for bjlg purge
UsageError: --key is refused: a secret on the command line leaks; use --key-file or BJLG_ENCRYPTION_KEY
HelpRequested: sla forecast
[[],{"history":"--help"}]
[["--help"],[]]
