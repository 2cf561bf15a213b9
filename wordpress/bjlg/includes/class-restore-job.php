<?php
/**
 * The restore of one site from an archive of the plugin: its tables and its uploads folder
 * (class-site-scope.php says which), into the current site, all or nothing.
 *
 * 1. The archive is opened with `Bjlg\Archive\Reader` (the site key for `.enc`), its manifest
 *    read: a network archive taken before per-site backups (no `scope`) holds every site's
 *    tables and is refused.
 * 2. `database.sql` is streamed from the archive into `Bjlg\Database\Importer` under a
 *    temporary prefix (`bjlgr<random>_`): the live tables are not touched. Then in those copies:
 *    the target's `siteurl` and `home` are kept, post contents pointing to the archive's
 *    address point to the target's, a different table prefix is followed in the `user_roles`
 *    option and the user meta keys, the job lock row is the restore's own.
 * 3. The uploads are written into a temporary folder beside the site's uploads folder.
 * 4. Only when both succeeded: the folders are swapped (two renames), then the tables in one
 *    `RENAME TABLE` (atomic); the old ones are dropped. Any failure before that (a truncated or
 *    tampered archive: the reader's CRC check, the importer's refusal) removes the temporary
 *    tables and folder and leaves the site as it was.
 *
 * Not restored: the plugin's history and jobs (this restore is one of them), the network's
 * tables on a network, plugins and themes (a single site's archive holds them; they are
 * reported as missing when an active one is not installed). Under the job lock, as a backup.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * A restore that could not start: the archive is not one this site can take.
 */
final class Restore_Refused_Exception extends \RuntimeException {
}

/**
 * Restores one site.
 */
final class Restore_Job {

	/** The history's action_type. */
	const ACTION = 'backup_restored';

	/** The archive's manifest entry. */
	const MANIFEST = 'backup-manifest.json';

	/**
	 * Restores archive $path (named $name) into the current site, as job $job_id (new when null).
	 *
	 * @param string        $name    The archive's name (history, job).
	 * @param string        $path    Its file.
	 * @param string        $source  Who asked: rest, cli, wp-cli.
	 * @param callable|null $display Sees every progress record.
	 * @return array<string, mixed> archive, blog_id, from_blog_id, tables, rows, files, bytes,
	 *                              url_from, url_to, prefix_from, prefix_to, missing_plugins,
	 *                              duration, history_id, job_id.
	 * @throws Job_Busy_Exception Another job runs on this site.
	 * @throws \Throwable The failure (recorded); the site is as it was.
	 */
	public static function run( string $name, string $path, string $source, ?callable $display = null ): array {
		ignore_user_abort( true ); // A client that goes away must not stop PHP between the two swaps.
		$job_id = Jobs::create( 'restore', $name, $source );
		$lock   = new Job_Lock( 'restore' );
		if ( ! $lock->acquire() ) {
			$holder = Job_Lock::holder();
			Jobs::update( $job_id, array( 'state' => 'failed', 'finished_at' => gmdate( 'Y-m-d H:i:s' ), 'error' => 'another job is running on this site' ) );
			throw new Job_Busy_Exception( $holder );
		}
		try {
			return Job_Runner::execute(
				$job_id,
				$display,
				static fn( Job_Progress $progress ): array => self::logged( $name, $path, $source, $job_id, $progress )
			);
		} finally {
			$lock->release();
		}
	}

	/**
	 * The restore and its history row.
	 *
	 * @param string       $name     The archive's name.
	 * @param string       $path     Its file.
	 * @param string       $source   Who asked.
	 * @param int          $job_id   The job.
	 * @param Job_Progress $progress The job's progress.
	 * @return array<string, mixed>
	 * @throws \Throwable The failure, recorded.
	 */
	private static function logged( string $name, string $path, string $source, int $job_id, Job_Progress $progress ): array {
		$meta  = array(
			'source' => $source,
			'job_id' => $job_id,
			'backup' => array( 'filename' => $name ),
		);
		$clock = microtime( true );
		try {
			$result = self::restore( $path, $progress );
		} catch ( \Throwable $e ) {
			$cancelled = $e instanceof \Bjlg\CancelledException;
			History::log(
				self::ACTION,
				$cancelled ? 'cancelled' : 'failure',
				$cancelled ? sprintf( 'Restore of %s cancelled; the site is as it was.', $name ) : sprintf( 'Restore of %s failed, the site is as it was: %s', $name, self::hide( $e->getMessage(), $path, $name ) ),
				$meta + array(
					'error' => array(
						'class'   => get_class( $e ),
						'message' => self::hide( $e->getMessage(), $path, $name ),
					),
				)
			);
			throw $e;
		}
		$result             = array( 'archive' => $name ) + $result;
		$result['duration'] = round( microtime( true ) - $clock, 3 );
		$result['history_id'] = History::log(
			self::ACTION,
			'success',
			sprintf( 'Restored %s: %d tables, %d files.', $name, count( $result['tables'] ), $result['files'] ),
			$meta + array( 'restore' => $result )
		);
		do_action( 'bjlg_backup_restored', $name, $result );
		return $result;
	}

	/**
	 * A message without the server path of the archive.
	 *
	 * @param string $message The message.
	 * @param string $path    The archive's path.
	 * @param string $name    Its name.
	 */
	private static function hide( string $message, string $path, string $name ): string {
		return str_replace( array( $path, dirname( $path ), ABSPATH ), array( $name, '.', '' ), $message );
	}

	/**
	 * Checks what the manifest says against the target. Pure.
	 *
	 * @param array<string, mixed> $manifest The archive's manifest.
	 * @return array{source_prefix: string, uploads: string, skip_sites: bool, blog_id: int, home: string}
	 * @throws Restore_Refused_Exception An archive this restore cannot take.
	 */
	public static function plan( array $manifest ): array {
		if ( ! isset( $manifest['db_prefix'] ) ) {
			throw new Restore_Refused_Exception( 'the archive has no plugin manifest (db_prefix): it was not written by the bjlg plugin' );
		}
		$multisite = ! empty( $manifest['multisite'] );
		if ( $multisite && 'site' !== ( $manifest['scope'] ?? null ) ) {
			throw new Restore_Refused_Exception( "the archive holds every site of its network (it was written before per-site backups): it cannot be restored into one site" );
		}
		$blog_id = (int) ( $manifest['blog_id'] ?? 1 );
		$prefix  = (string) ( $manifest['table_prefix'] ?? Site_Scope::table_prefix( (string) $manifest['db_prefix'], $blog_id, $multisite ) );
		if ( ! preg_match( '/^[A-Za-z0-9_]+$/', $prefix ) ) {
			throw new Restore_Refused_Exception( "the archive's table prefix is not a table prefix" );
		}
		return array(
			'source_prefix' => $prefix,
			'uploads'       => (string) ( $manifest['uploads'] ?? Site_Scope::uploads_entry( $blog_id, $multisite ) ),
			'skip_sites'    => $multisite && $blog_id <= 1,
			'blog_id'       => $blog_id,
			'home'          => (string) ( $manifest['site_url'] ?? '' ),
		);
	}

	/**
	 * The restore itself.
	 *
	 * @param string       $path     The archive.
	 * @param Job_Progress $progress The job's progress.
	 * @return array<string, mixed>
	 * @throws \Throwable Any failure, after the temporary tables and folder were removed.
	 */
	private static function restore( string $path, Job_Progress $progress ): array {
		global $wpdb;
		$reader   = \Bjlg\Archive\Reader::open( $path, Backup_Store::key_option( basename( $path ) ) );
		$manifest = json_decode( (string) stream_get_contents( $reader->readEntry( self::MANIFEST, 1 << 20 ) ), true );
		if ( ! is_array( $manifest ) ) {
			throw new Restore_Refused_Exception( "the archive's manifest is not JSON" );
		}
		$plan    = self::plan( $manifest );
		// Into a network's main site, `sites/` is the other sites' uploads whatever the archive holds.
		$plan['skip_sites'] = $plan['skip_sites'] || ( is_multisite() && is_main_site() );
		$random  = strtolower( wp_generate_password( 6, false ) );
		$staging = 'bjlgr' . $random . '_';
		$target  = $wpdb->prefix;
		$uploads = untrailingslashit( wp_upload_dir( null, false )['basedir'] );
		$folder  = dirname( $uploads ) . '/.bjlg-restore-' . $random;
		try {
			$import = \Bjlg\Database\Importer::import(
				Backup_Job::connection(),
				$reader->readEntry( 'database.sql' ),
				array(
					'prefix'        => $staging,
					'source_prefix' => $plan['source_prefix'],
					'progress'      => $progress,
				)
			);
			$archived = array();
			foreach ( (array) $import['tables'] as $table ) {
				$archived[] = $plan['source_prefix'] . substr( (string) $table, strlen( $staging ) );
			}
			$suffixes = Site_Scope::restore_suffixes( $archived, $plan['source_prefix'], is_multisite() );
			if ( ! in_array( 'options', $suffixes, true ) ) {
				throw new Restore_Refused_Exception( "the archive's dump has no options table: it is not a WordPress site's" );
			}
			$adjusted = self::adjust( $staging, $target, $plan, $suffixes );
			$files    = self::extract( $reader, $plan, $folder );
		} catch ( \Throwable $e ) {
			self::drop_tables( $staging );
			self::remove_folder( $folder );
			throw $e;
		}
		if ( ! $progress( self::record( 'swap', 1, 0 ) ) ) {
			self::drop_tables( $staging );
			self::remove_folder( $folder );
			throw new \Bjlg\Database\CancelledException( 'the restore was cancelled before the swap; the site is as it was' );
		}
		self::swap( $staging, $target, $suffixes, $uploads, $folder, $random );
		wp_cache_flush();
		$missing = self::missing_plugins( (array) ( $manifest['plugins_active'] ?? array() ) );
		$progress( self::record( 'swap', 1, 1 ) );
		return array(
			'blog_id'         => get_current_blog_id(),
			'from_blog_id'    => $plan['blog_id'],
			'tables'          => array_map( static fn( string $s ): string => $target . $s, $suffixes ),
			'rows'            => (int) $import['rows'],
			'files'           => $files['files'],
			'bytes'           => $files['bytes'],
			'url_from'        => $adjusted['url_from'],
			'url_to'          => $adjusted['url_to'],
			'prefix_from'     => $plan['source_prefix'],
			'prefix_to'       => $target,
			'missing_plugins' => $missing,
		);
	}

	/**
	 * A progress record of the restore's own phases.
	 *
	 * @param string $phase swap.
	 * @param int    $total Its total.
	 * @param int    $done  Done.
	 * @return array<string, mixed>
	 */
	private static function record( string $phase, int $total, int $done ): array {
		return array(
			'phase'       => $phase,
			'phase_index' => 1,
			'phases'      => array( 'import', $phase ),
			'done'        => $done,
			'total'       => $total,
			'unit'        => 'steps',
			'current'     => '',
		);
	}

	/**
	 * Makes the imported copies the target's: its address, its prefix, the restore's lock.
	 *
	 * @param string               $staging  The copies' prefix.
	 * @param string               $target   The site's table prefix.
	 * @param array<string, mixed> $plan     plan().
	 * @param list<string>         $suffixes The tables put back.
	 * @return array{url_from: string, url_to: string}
	 */
	private static function adjust( string $staging, string $target, array $plan, array $suffixes ): array {
		global $wpdb;
		$options  = $staging . 'options';
		$url_from = (string) $wpdb->get_var( "SELECT option_value FROM `$options` WHERE option_name = 'home'" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$url_to   = (string) get_option( 'home' );
		foreach ( array( 'siteurl', 'home' ) as $name ) {
			$wpdb->query( $wpdb->prepare( "UPDATE `$options` SET option_value = %s WHERE option_name = %s", get_option( $name ), $name ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		$wpdb->query( $wpdb->prepare( "DELETE FROM `$options` WHERE option_name = %s", Job_Lock::OPTION ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$wpdb->query( $wpdb->prepare( "INSERT INTO `$options` (option_name, option_value, autoload) SELECT option_name, option_value, autoload FROM `{$wpdb->options}` WHERE option_name = %s", Job_Lock::OPTION ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( '' !== $url_from && $url_from !== $url_to && in_array( 'posts', $suffixes, true ) ) {
			$posts = $staging . 'posts';
			$wpdb->query( $wpdb->prepare( "UPDATE `$posts` SET post_content = REPLACE(post_content, %s, %s)", $url_from, $url_to ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		$from = $plan['source_prefix'];
		if ( $from !== $target ) {
			$wpdb->query( $wpdb->prepare( "UPDATE `$options` SET option_name = %s WHERE option_name = %s", $target . 'user_roles', $from . 'user_roles' ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			if ( in_array( 'usermeta', $suffixes, true ) ) {
				$usermeta = $staging . 'usermeta';
				$wpdb->query( $wpdb->prepare( "UPDATE `$usermeta` SET meta_key = CONCAT(%s, SUBSTRING(meta_key, %d)) WHERE meta_key LIKE %s", $target, strlen( $from ) + 1, $wpdb->esc_like( $from ) . '%' ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			}
		}
		return array(
			'url_from' => $url_from,
			'url_to'   => $url_to,
		);
	}

	/**
	 * Writes the site's uploads of the archive into $folder (created).
	 *
	 * @param \Bjlg\Archive\Reader $reader The archive.
	 * @param array<string, mixed> $plan   plan().
	 * @param string               $folder The temporary folder.
	 * @return array{files: int, bytes: int}
	 * @throws \RuntimeException A file that cannot be written.
	 */
	private static function extract( \Bjlg\Archive\Reader $reader, array $plan, string $folder ): array {
		if ( ! wp_mkdir_p( $folder ) ) {
			throw new \RuntimeException( 'cannot create the temporary uploads folder beside the uploads folder' );
		}
		$files = 0;
		$bytes = 0;
		foreach ( $reader->entries() as $entry ) {
			$relative = Site_Scope::upload_path( $entry['name'], $plan['uploads'], $plan['skip_sites'] );
			if ( null === $relative || $entry['is_symlink'] ) {
				continue;
			}
			$to = $folder . '/' . rtrim( $relative, '/' );
			if ( $entry['is_dir'] ) {
				wp_mkdir_p( $to );
				continue;
			}
			if ( ! is_dir( dirname( $to ) ) && ! wp_mkdir_p( dirname( $to ) ) ) {
				throw new \RuntimeException( "cannot create the folder of $relative" );
			}
			$in  = $reader->readEntry( $entry['name'] );
			$out = fopen( $to, 'xb' ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			if ( false === $out ) {
				throw new \RuntimeException( "cannot write $relative" );
			}
			try {
				$copied = stream_copy_to_stream( $in, $out );
				if ( false === $copied || ! feof( $in ) ) {
					throw new \RuntimeException( "cannot copy $relative out of the archive" );
				}
			} finally {
				fclose( $out ); // phpcs:ignore WordPress.WP.AlternativeFunctions
				fclose( $in ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			}
			if ( $entry['mtime'] > 0 ) {
				touch( $to, (int) $entry['mtime'] );
			}
			++$files;
			$bytes += (int) $copied;
		}
		return array(
			'files' => $files,
			'bytes' => $bytes,
		);
	}

	/**
	 * The swap: the uploads folder, then the tables in one RENAME TABLE. The backups folder and
	 * the other sites' folders (`sites/`) stay where they are.
	 *
	 * @param string       $staging  The copies' prefix.
	 * @param string       $target   The site's prefix.
	 * @param list<string> $suffixes The tables put back.
	 * @param string       $uploads  The site's uploads folder.
	 * @param string       $folder   The restored uploads.
	 * @param string       $random   The restore's id.
	 * @throws \RuntimeException A swap that failed (undone as far as it went).
	 */
	private static function swap( string $staging, string $target, array $suffixes, string $uploads, string $folder, string $random ): void {
		global $wpdb;
		$old_folder = dirname( $uploads ) . '/.bjlg-replaced-' . $random;
		$had        = is_dir( $uploads );
		if ( $had && ! rename( $uploads, $old_folder ) ) { // phpcs:ignore WordPress.WP.AlternativeFunctions
			self::drop_tables( $staging );
			self::remove_folder( $folder );
			throw new \RuntimeException( 'cannot move the uploads folder aside; the site is as it was' );
		}
		if ( ! rename( $folder, $uploads ) ) { // phpcs:ignore WordPress.WP.AlternativeFunctions
			if ( $had ) {
				rename( $old_folder, $uploads ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			}
			self::drop_tables( $staging );
			self::remove_folder( $folder );
			throw new \RuntimeException( 'cannot move the restored uploads into place; the site is as it was' );
		}
		// What is not the site's own uploads comes back: the backups folder, the other sites'.
		foreach ( $had ? (array) scandir( $old_folder ) : array() as $child ) {
			if ( '.' === $child || '..' === $child ) {
				continue;
			}
			if ( null === Site_Scope::upload_path( 'u/' . $child . '/x', 'u', is_multisite() && is_main_site() ) && ! file_exists( "$uploads/$child" ) ) {
				rename( "$old_folder/$child", "$uploads/$child" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			}
		}
		$existing = array_flip( (array) $wpdb->get_col( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $target ) . '%' ) ) );
		$renames  = array();
		$old      = 'bjlgo' . $random . '_';
		foreach ( $suffixes as $suffix ) {
			if ( isset( $existing[ $target . $suffix ] ) ) {
				$renames[] = "`$target$suffix` TO `$old$suffix`";
			}
			$renames[] = "`$staging$suffix` TO `$target$suffix`";
		}
		if ( false === $wpdb->query( 'RENAME TABLE ' . implode( ', ', $renames ) ) ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			rename( $uploads, $folder ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			if ( $had ) {
				rename( $old_folder, $uploads ); // phpcs:ignore WordPress.WP.AlternativeFunctions
				foreach ( (array) scandir( $folder ) as $child ) {
					if ( '.' !== $child && '..' !== $child && ! file_exists( "$uploads/$child" ) && ! file_exists( "$old_folder/$child" ) ) {
						rename( "$folder/$child", "$uploads/$child" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
					}
				}
			}
			self::drop_tables( $staging );
			self::remove_folder( $folder );
			throw new \RuntimeException( 'the tables could not be swapped (' . $wpdb->last_error . '); the site is as it was' );
		}
		self::drop_tables( $old );
		self::drop_tables( $staging ); // The archive's tables that are not put back.
		self::remove_folder( $old_folder );
	}

	/**
	 * Drops every table under a temporary prefix of the restore.
	 *
	 * @param string $prefix bjlgr…_ or bjlgo…_.
	 */
	private static function drop_tables( string $prefix ): void {
		global $wpdb;
		foreach ( (array) $wpdb->get_col( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $prefix ) . '%' ) ) as $table ) {
			$wpdb->query( "DROP TABLE IF EXISTS `$table`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
	}

	/**
	 * Removes a temporary folder of the restore and what it holds.
	 *
	 * @param string $folder The folder.
	 */
	private static function remove_folder( string $folder ): void {
		if ( ! is_dir( $folder ) || is_link( $folder ) ) {
			return;
		}
		$items = new \RecursiveIteratorIterator( new \RecursiveDirectoryIterator( $folder, \FilesystemIterator::SKIP_DOTS ), \RecursiveIteratorIterator::CHILD_FIRST );
		foreach ( $items as $item ) {
			if ( $item->isDir() && ! $item->isLink() ) {
				rmdir( $item->getPathname() ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			} else {
				unlink( $item->getPathname() ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			}
		}
		rmdir( $folder ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	}

	/**
	 * The plugins the archive's site had active that this WordPress does not have.
	 *
	 * @param list<string> $active The manifest's plugins_active.
	 * @return list<string>
	 */
	private static function missing_plugins( array $active ): array {
		$missing = array();
		foreach ( $active as $plugin ) {
			if ( is_string( $plugin ) && ! file_exists( WP_PLUGIN_DIR . '/' . $plugin ) ) {
				$missing[] = $plugin;
			}
		}
		return $missing;
	}
}
