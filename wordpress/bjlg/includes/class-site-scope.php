<?php
/**
 * What "one site" is, for a backup and a restore: which tables and which uploads folder.
 *
 * - A single site: every table under the table prefix; the whole wp-content (as before).
 * - Site N (N > 1) of a network: the tables `{base}N_*` and `wp-content/uploads/sites/N/`.
 * - The main site of a network: the tables under the base prefix that belong to no other site
 *   (not `{base}<digits>_*`), which are its own (`wp_posts`, `wp_options`, ...) and the network's
 *   (`wp_users`, `wp_usermeta`, `wp_blogs`, `wp_blogmeta`, `wp_site`, `wp_sitemeta`,
 *   `wp_signups`, `wp_registration_log`) and the plugin's; its uploads folder without `sites/`.
 *
 * A restore puts back the site's own tables only: never the plugin's history and job records
 * (the restore's own job is one of them), and on a network never the network's tables (they
 * hold every site's users and the list of sites: an old copy would undo what happened to the
 * other sites since). The network tables in a main-site archive are there for a disaster
 * restore by hand. Pure: no WordPress call.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * The tables and folders of one site.
 */
final class Site_Scope {

	/** The network's tables (names after the base prefix). */
	const NETWORK_TABLES = array( 'blogs', 'blogmeta', 'site', 'sitemeta', 'users', 'usermeta', 'signups', 'registration_log' );

	/** The tables only a network has (a single site has users and usermeta too). */
	const MULTISITE_ONLY_TABLES = array( 'blogs', 'blogmeta', 'site', 'sitemeta', 'signups', 'registration_log' );

	/** The plugin's own tables (after the base prefix): never restored. */
	const PLUGIN_TABLES = array( 'bjlg_history', 'bjlg_jobs' );

	/**
	 * The table prefix of site $blog_id: the base prefix, or `{base}N_` for a network's site N > 1.
	 *
	 * @param string $base_prefix $wpdb->base_prefix.
	 * @param int    $blog_id     The site.
	 * @param bool   $multisite   is_multisite().
	 */
	public static function table_prefix( string $base_prefix, int $blog_id, bool $multisite ): string {
		return ( $multisite && $blog_id > 1 ) ? $base_prefix . $blog_id . '_' : $base_prefix;
	}

	/**
	 * The tables a backup of site $blog_id holds, from the database's tables $all, in their order.
	 *
	 * @param list<string> $all         Every table of the database (SHOW TABLES).
	 * @param string       $base_prefix $wpdb->base_prefix.
	 * @param int          $blog_id     The site.
	 * @param bool         $multisite   is_multisite().
	 * @return list<string>
	 */
	public static function backup_tables( array $all, string $base_prefix, int $blog_id, bool $multisite ): array {
		$prefix = self::table_prefix( $base_prefix, $blog_id, $multisite );
		$tables = array();
		foreach ( $all as $table ) {
			if ( ! str_starts_with( $table, $prefix ) ) {
				continue;
			}
			// The main site of a network: not the other sites' tables ({base}<digits>_...).
			if ( $multisite && $blog_id <= 1 && preg_match( '/^\d+_/', substr( $table, strlen( $base_prefix ) ) ) ) {
				continue;
			}
			$tables[] = $table;
		}
		return $tables;
	}

	/**
	 * Which tables of an archive a restore puts back: their names after the archive's table
	 * prefix (`posts`, `options`, ...), in the archive's order.
	 *
	 * @param list<string> $tables          The archive's tables (full names).
	 * @param string       $source_prefix   The archive's table prefix (its manifest's table_prefix).
	 * @param bool         $into_multisite  Whether the target is a network's site.
	 * @return list<string>
	 * @throws \UnexpectedValueException A table outside the archive's prefix.
	 */
	public static function restore_suffixes( array $tables, string $source_prefix, bool $into_multisite ): array {
		$skip     = array_merge( self::PLUGIN_TABLES, $into_multisite ? self::NETWORK_TABLES : self::MULTISITE_ONLY_TABLES );
		$suffixes = array();
		foreach ( $tables as $table ) {
			if ( ! str_starts_with( $table, $source_prefix ) ) {
				throw new \UnexpectedValueException( "the archive's table $table is not under its prefix $source_prefix" );
			}
			$suffix = substr( $table, strlen( $source_prefix ) );
			if ( ! in_array( $suffix, $skip, true ) ) {
				$suffixes[] = $suffix;
			}
		}
		return $suffixes;
	}

	/**
	 * The archive folder of the site's uploads: `wp-content/uploads/sites/N` for a network's
	 * site N > 1, `wp-content/uploads` otherwise.
	 *
	 * @param int  $blog_id   The site.
	 * @param bool $multisite is_multisite().
	 */
	public static function uploads_entry( int $blog_id, bool $multisite ): string {
		return ( $multisite && $blog_id > 1 ) ? 'wp-content/uploads/sites/' . $blog_id : 'wp-content/uploads';
	}

	/**
	 * Whether the archive entry $name is one of the site's uploads a restore puts back, and
	 * its path inside the uploads folder (null when not): under $root, not in the backups
	 * folder, and not another site's (`sites/`) when the archive's site was a network's main site.
	 *
	 * @param string $name          An archive entry.
	 * @param string $root          The manifest's uploads entry (uploads_entry()).
	 * @param bool   $skip_sites    Whether `sites/` under the root belongs to other sites.
	 * @return string|null
	 */
	public static function upload_path( string $name, string $root, bool $skip_sites ): ?string {
		$root = rtrim( $root, '/' ) . '/';
		if ( ! str_starts_with( $name, $root ) ) {
			return null;
		}
		$path  = substr( $name, strlen( $root ) );
		$first = explode( '/', $path, 2 )[0];
		if ( '' === $path || 'bjlg-backups' === $first || ( $skip_sites && 'sites' === $first ) ) {
			return null;
		}
		return $path;
	}
}
