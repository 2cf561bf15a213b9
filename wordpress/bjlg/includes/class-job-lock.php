<?php
/**
 * One job at a time per site: a row `bjlg_job_lock` in the site's options table, created by an
 * INSERT IGNORE (atomic: the option name is a unique key; add_option() is not, it reads its cache
 * first and then upserts). The row holds its owner's token and an expiry; the holder refreshes it
 * while it works, so a holder that died (killed, out of memory, a PHP time limit) frees the site
 * once its lock has expired, and the next job takes the lock over.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * A lock with an expiry.
 */
final class Job_Lock {

	const OPTION = 'bjlg_job_lock';

	/** Seconds a lock lives without refresh. */
	const TTL = 600;

	/** The raw option value while held, for compare-and-swap. @var string|null */
	private $held = null;

	/** The job name. @var string */
	private $job;

	/**
	 * A lock for $job (not taken yet).
	 *
	 * @param string $job What runs, shown to whoever finds the site busy.
	 */
	public function __construct( string $job ) {
		$this->job = $job;
	}

	/**
	 * Whether a lock record has expired at $now. Pure.
	 *
	 * @param array<string, mixed>|null $record The decoded option (null: none or unreadable).
	 * @param int                       $now    Unix time.
	 */
	public static function is_expired( ?array $record, int $now ): bool {
		return null === $record || ! isset( $record['expires_at'] ) || (int) $record['expires_at'] <= $now;
	}

	/**
	 * The current holder's record (job, token, pid, host, acquired_at, expires_at), or null when
	 * the site is free (no lock, or an expired one).
	 *
	 * @return array<string, mixed>|null
	 */
	public static function holder(): ?array {
		$record = self::decode( self::read() );
		return self::is_expired( $record, time() ) ? null : $record;
	}

	/**
	 * Takes the lock; false when another live job holds it.
	 */
	public function acquire(): bool {
		global $wpdb;
		for ( $attempt = 0; $attempt < 2; $attempt++ ) {
			$value = $this->record( time() );
			$wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %s, 'no')", self::OPTION, $value ) );
			if ( 1 === (int) $wpdb->rows_affected ) {
				$this->held = $value;
				self::forget_cache();
				return true;
			}
			$current = self::read();
			if ( ! self::is_expired( self::decode( $current ), time() ) ) {
				return false;
			}
			// The holder died: remove its lock only if it is still that very one, then try again.
			$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name = %s AND option_value = %s", self::OPTION, (string) $current ) );
		}
		return false;
	}

	/**
	 * Pushes the expiry TTL seconds ahead; false when the lock was lost (taken over after it
	 * expired), in which case the job should stop.
	 */
	public function refresh(): bool {
		global $wpdb;
		if ( null === $this->held ) {
			return false;
		}
		$value = $this->record( time(), $this->token() );
		$wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = %s WHERE option_name = %s AND option_value = %s", $value, self::OPTION, $this->held ) );
		if ( 1 !== (int) $wpdb->rows_affected ) {
			return self::read() === $this->held;
		}
		$this->held = $value;
		self::forget_cache();
		return true;
	}

	/**
	 * Gives the lock back (only ours).
	 */
	public function release(): void {
		global $wpdb;
		if ( null === $this->held ) {
			return;
		}
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name = %s AND option_value = %s", self::OPTION, $this->held ) );
		$this->held = null;
		self::forget_cache();
	}

	/**
	 * The JSON record of a lock taken or refreshed at $now.
	 *
	 * @param int         $now   Unix time.
	 * @param string|null $token The holder's token (a new one when null).
	 */
	private function record( int $now, ?string $token = null ): string {
		return (string) wp_json_encode(
			array(
				'job'         => $this->job,
				'token'       => $token ?? wp_generate_uuid4(),
				'pid'         => getmypid(),
				'host'        => php_uname( 'n' ),
				'acquired_at' => null === $token ? $now : ( self::decode( $this->held )['acquired_at'] ?? $now ),
				'expires_at'  => $now + self::TTL,
			)
		);
	}

	/**
	 * Our token.
	 */
	private function token(): string {
		return (string) ( self::decode( $this->held )['token'] ?? '' );
	}

	/**
	 * The raw option value, past every cache.
	 */
	private static function read(): ?string {
		global $wpdb;
		$value = $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", self::OPTION ) );
		return null === $value ? null : (string) $value;
	}

	/**
	 * A record decoded, or null.
	 *
	 * @param string|null $value The raw value.
	 * @return array<string, mixed>|null
	 */
	private static function decode( ?string $value ): ?array {
		$record = null === $value ? null : json_decode( $value, true );
		return is_array( $record ) ? $record : null;
	}

	/**
	 * get_option() must not answer from a stale cache.
	 */
	private static function forget_cache(): void {
		wp_cache_delete( self::OPTION, 'options' );
		wp_cache_delete( 'notoptions', 'options' );
	}
}
