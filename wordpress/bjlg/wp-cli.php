<?php
/**
 * `wp bjlg backup|list|status|schedule`: the same Commands as `bin/bjlg --wp`, printed through
 * WP-CLI (loaded by bjlg.php only when WP-CLI runs). Only WP-CLI's small public surface is used.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

defined( 'ABSPATH' ) || exit;

/**
 * A Console on WP-CLI.
 */
final class Wpcli_Console implements Console {

	/**
	 * {@inheritDoc}
	 *
	 * @param string $text The line.
	 */
	public function info( string $text ): void {
		\WP_CLI::log( $text ); // WP-CLI's --quiet silences it.
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param array<string, mixed> $data   The result.
	 * @param string               $format json or yaml.
	 */
	public function document( array $data, string $format ): void {
		if ( 'json' === $format ) {
			\WP_CLI::line( (string) wp_json_encode( $data, JSON_UNESCAPED_SLASHES ) );
			return;
		}
		\WP_CLI\Utils\format_items( $format, array( $data ), array_keys( $data ) );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $text The line.
	 */
	public function error( string $text ): void {
		\WP_CLI::warning( $text );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param list<array<string, mixed>> $rows   The items.
	 * @param list<string>               $fields The columns.
	 * @param string                     $format The format.
	 */
	public function items( array $rows, array $fields, string $format ): void {
		\WP_CLI\Utils\format_items( $format, $rows, $fields );
	}

	/**
	 * {@inheritDoc} None under WP-CLI: the commands use nothing of it beyond its small surface.
	 */
	public function progress(): ?callable {
		return null;
	}

	/**
	 * {@inheritDoc}
	 */
	public function progress_done(): void {
	}
}

foreach ( Commands::NAMES as $bjlg_command ) {
	\WP_CLI::add_command(
		"bjlg $bjlg_command",
		static function ( array $args, array $assoc ) use ( $bjlg_command ): void {
			try {
				$status = ( new Commands( new Wpcli_Console() ) )->run( $bjlg_command, $args, $assoc );
			} catch ( Usage_Exception $e ) {
				\WP_CLI::error( $e->getMessage() );
			}
			if ( 0 !== $status ) {
				\WP_CLI::halt( $status );
			}
		},
		array( 'shortdesc' => 'bjlg ' . $bjlg_command . ' (see `bin/bjlg help wordpress`)' )
	);
}
