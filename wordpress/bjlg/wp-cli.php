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
	public function line( string $text ): void {
		\WP_CLI::line( $text );
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
