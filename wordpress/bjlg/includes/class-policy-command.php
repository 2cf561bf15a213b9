<?php
/**
 * `bjlg --wp=DIR policy export [--out=FILE]` and `policy import FILE [--dry-run] [--yes]` (and
 * `wp bjlg policy ...`): the site's policy as YAML (Site_Policy, docs/policy.md). An import
 * prints what changes, section by section; it writes only with --yes, and never with --dry-run.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

use Bjlg\Config\Policy;

/**
 * The policy subcommands.
 */
final class Policy_Command {

	/** Where output goes. @var Console */
	private $console;

	/**
	 * Output to $console.
	 *
	 * @param Console $console The output.
	 */
	public function __construct( Console $console ) {
		$this->console = $console;
	}

	/**
	 * Runs `policy export|import`; returns the exit status.
	 *
	 * @param list<string>          $args    export or import, then import's FILE.
	 * @param array<string, string> $options out, dry-run, yes, format.
	 * @param string                $format  text, json or yaml (import's report).
	 * @throws Usage_Exception A wrong command line.
	 */
	public function run( array $args, array $options, string $format ): int {
		$sub = $args[0] ?? '';
		if ( 'export' === $sub ) {
			return $this->export( isset( $options['out'] ) ? (string) $options['out'] : null );
		}
		if ( 'import' === $sub ) {
			$file = $args[1] ?? '';
			if ( '' === $file ) {
				throw new Usage_Exception( 'policy import needs the YAML file to read' );
			}
			$dry_run = isset( $options['dry-run'] ) && false !== $options['dry-run'];
			$yes     = isset( $options['yes'] ) && false !== $options['yes'];
			if ( ! $dry_run && ! $yes ) {
				throw new Usage_Exception( 'policy import replaces the sections the file holds: add --yes to apply, or --dry-run to see what changes' );
			}
			return $this->import( $file, $dry_run, $format );
		}
		throw new Usage_Exception( "policy needs 'export' or 'import FILE', not '$sub'" );
	}

	/**
	 * `policy export`: the YAML on stdout, or into FILE (written beside, then renamed).
	 *
	 * @param string|null $out The file, or null.
	 */
	private function export( ?string $out ): int {
		try {
			$yaml = Site_Policy::export()->toYaml();
		} catch ( \Throwable $e ) {
			$this->console->error( 'bjlg: policy export: the site\'s settings could not be exported: ' . $e->getMessage() );
			return 1;
		}
		if ( null === $out ) {
			echo $yaml; // phpcs:ignore WordPress.Security.EscapeOutput -- a YAML document on a terminal.
			return 0;
		}
		$tmp = $out . '.tmp-' . getmypid();
		if ( false === file_put_contents( $tmp, $yaml ) || ! rename( $tmp, $out ) ) { // phpcs:ignore WordPress.WP.AlternativeFunctions
			@unlink( $tmp ); // phpcs:ignore WordPress.PHP.NoSilencedErrors, WordPress.WP.AlternativeFunctions
			$this->console->error( "bjlg: policy export: $out could not be written" );
			return 1;
		}
		$this->console->info( "policy written to $out" );
		return 0;
	}

	/**
	 * `policy import FILE`.
	 *
	 * @param string $file    The YAML file.
	 * @param bool   $dry_run Only show the changes.
	 * @param string $format  text, json or yaml.
	 */
	private function import( string $file, bool $dry_run, string $format ): int {
		try {
			$result = Site_Policy::import( Policy::fromFile( $file ), $dry_run );
		} catch ( \Bjlg\Config\ConfigException | \InvalidArgumentException | \Bjlg\Cron\SyntaxError $e ) {
			$this->console->error( 'bjlg: policy import: ' . $e->getMessage() );
			return 1;
		}
		if ( 'text' !== $format ) {
			$this->console->document( $result, $format );
			return 0;
		}
		foreach ( $result['changes'] as $section => $change ) {
			$line = "$section: {$change['status']}";
			foreach ( array( 'added', 'removed', 'changed' ) as $kind ) {
				if ( ! empty( $change[ $kind ] ) ) {
					$line .= "; $kind " . implode( ', ', $change[ $kind ] );
				}
			}
			$this->console->info( $line );
		}
		$this->console->info( $result['applied'] ? 'policy imported' : 'dry run: nothing written' );
		return 0;
	}
}
