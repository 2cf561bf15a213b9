<?php
/**
 * Event triggers (design plugin-scheduling §4), the ones the plugin's own data can honour, each
 * off by default (option `bjlg_event_trigger_settings` = {version: 2, triggers: {key: {...}}}):
 *
 * - `before_update`: a backup before WordPress installs a plugin, theme or core update (the
 *   filter `upgrader_pre_install`, which runs before the old files are removed), in the
 *   request, at most one per `cooldown` seconds (default 600: a bulk update of ten plugins is
 *   one backup); a backup that fails or finds the site busy does not stop the update (the
 *   history says so).
 * - `database`: the content changes of §4.2 (`save_post` without revisions and autosaves,
 *   `deleted_post`, `comment_post`, `deleted_comment`) counted into a pending bucket; a
 *   background backup job is queued (Job_Runner::queue, run by WP-Cron) per §4.3: never inside
 *   the cooldown since the last dispatch; at once when `max_batch` changes are pending or
 *   `batch_window` is 0; else when the window since the first pending change has passed (a
 *   single WP-Cron event `bjlg_process_event_triggers` comes back then). Option hooks are not
 *   listened to (§4.4: the plugin's own option writes would feed it for ever).
 *
 * Each dispatch writes an `event_trigger` history row (trigger, count, first_seen, last_seen,
 * job_id). Times are Unix seconds (time()), never current_time('timestamp') (§4.4).
 *
 * Left out (docs/wordpress.md says why): quiet hours, the filesystem/inotify/binlog/webhook
 * sources (nothing in WordPress produces them), `bjlg_event_signal`.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Listens to WordPress and starts backups.
 */
final class Event_Triggers {

	const OPTION       = 'bjlg_event_trigger_settings';
	const STATE_OPTION = 'bjlg_event_trigger_state';
	const HOOK         = 'bjlg_process_event_triggers';

	/** Each trigger's defaults (§4.1 for `database`). */
	const DEFAULTS = array(
		'before_update' => array(
			'enabled'  => false,
			'cooldown' => 600,
		),
		'database'      => array(
			'enabled'      => false,
			'cooldown'     => 300,
			'batch_window' => 60,
			'max_batch'    => 10,
		),
	);

	/**
	 * Hooks WordPress (only the enabled triggers listen).
	 */
	public static function register(): void {
		add_action( self::HOOK, array( self::class, 'process' ) );
		$settings = self::settings( get_option( self::OPTION, array() ) );
		if ( $settings['before_update']['enabled'] ) {
			add_filter( 'upgrader_pre_install', array( self::class, 'before_update' ), 5, 2 );
		}
		if ( $settings['database']['enabled'] ) {
			add_action( 'save_post', array( self::class, 'post_saved' ), 999, 2 );
			add_action( 'deleted_post', array( self::class, 'content_changed' ), 10, 0 );
			add_action( 'comment_post', array( self::class, 'content_changed' ), 10, 0 );
			add_action( 'deleted_comment', array( self::class, 'content_changed' ), 10, 0 );
		}
	}

	/**
	 * The settings with their defaults; numbers clamped to >= 0 (max_batch >= 1). Pure.
	 *
	 * @param mixed $value The option's value.
	 * @return array<string, array<string, mixed>>
	 */
	public static function settings( $value ): array {
		$triggers = is_array( $value ) && is_array( $value['triggers'] ?? null ) ? $value['triggers'] : array();
		$out      = array();
		foreach ( self::DEFAULTS as $key => $defaults ) {
			$given = is_array( $triggers[ $key ] ?? null ) ? $triggers[ $key ] : array();
			foreach ( $defaults as $name => $default ) {
				$v                    = $given[ $name ] ?? $default;
				$out[ $key ][ $name ] = 'enabled' === $name ? (bool) $v : max( 'max_batch' === $name ? 1 : 0, (int) $v );
			}
		}
		return $out;
	}

	/**
	 * Whether a pending bucket is dispatched now (§4.3's should_dispatch, without quiet hours).
	 * Pure.
	 *
	 * @param array{first_seen: int, count: int} $pending       The bucket.
	 * @param array<string, mixed>               $trigger       cooldown, batch_window, max_batch.
	 * @param int                                $last_dispatch Unix seconds, 0 for never.
	 * @param int                                $now           Unix seconds.
	 */
	public static function should_dispatch( array $pending, array $trigger, int $last_dispatch, int $now ): bool {
		if ( $trigger['cooldown'] > 0 && $last_dispatch > 0 && $now - $last_dispatch < $trigger['cooldown'] ) {
			return false;
		}
		if ( $pending['count'] >= $trigger['max_batch'] || 0 === $trigger['batch_window'] ) {
			return true;
		}
		return $now - $pending['first_seen'] >= $trigger['batch_window'];
	}

	/**
	 * When to look at a bucket again (§4.3's calculate_next_event_run, without quiet hours). Pure.
	 *
	 * @param array{first_seen: int, count: int} $pending       The bucket.
	 * @param array<string, mixed>               $trigger       cooldown, batch_window, max_batch.
	 * @param int                                $last_dispatch Unix seconds, 0 for never.
	 * @param int                                $now           Unix seconds.
	 */
	public static function next_attempt( array $pending, array $trigger, int $last_dispatch, int $now ): int {
		$after_cooldown = $last_dispatch > 0 ? $last_dispatch + $trigger['cooldown'] : 0;
		if ( $pending['count'] >= $trigger['max_batch'] && $after_cooldown <= $now ) {
			return $now;
		}
		return max( $now, $after_cooldown, $pending['first_seen'] + $trigger['batch_window'] );
	}

	/**
	 * save_post: a change unless it is a revision or an autosave.
	 *
	 * @param int      $post_id The post.
	 * @param \WP_Post $post    The post.
	 */
	public static function post_saved( $post_id, $post = null ): void {
		if ( wp_is_post_revision( $post_id ) || wp_is_post_autosave( $post_id ) || ( is_object( $post ) && 'auto-draft' === $post->post_status ) ) {
			return;
		}
		self::content_changed();
	}

	/**
	 * One content change: counted, then dispatched or looked at again later.
	 */
	public static function content_changed(): void {
		$state   = self::state();
		$now     = time();
		$pending = $state['pending']['database'] ?? array(
			'first_seen' => $now,
			'count'      => 0,
		);
		++$pending['count'];
		$pending['last_seen']                = $now;
		$state['pending']['database']        = $pending;
		update_option( self::STATE_OPTION, $state, false );
		self::process( 'database' );
	}

	/**
	 * Dispatches the pending bucket of $key when due, else arms one WP-Cron event for when it
	 * will be (the WP-Cron callback of HOOK too).
	 *
	 * @param string $key The trigger.
	 * @return array<string, mixed>|null The queued job, or null.
	 */
	public static function process( $key = 'database' ): ?array {
		$settings = self::settings( get_option( self::OPTION, array() ) );
		$state    = self::state();
		$pending  = $state['pending'][ $key ] ?? null;
		if ( 'database' !== $key || null === $pending || ! $settings[ $key ]['enabled'] ) {
			return null;
		}
		$now  = time();
		$last = (int) ( $state['last_dispatch'][ $key ] ?? 0 );
		if ( ! self::should_dispatch( $pending, $settings[ $key ], $last, $now ) ) {
			$at = self::next_attempt( $pending, $settings[ $key ], $last, $now );
			if ( false === wp_next_scheduled( self::HOOK, array( $key ) ) ) {
				wp_schedule_single_event( $at, self::HOOK, array( $key ) );
			}
			return null;
		}
		$job = Job_Runner::queue( 'backup', null, 'event-' . $key );
		unset( $state['pending'][ $key ] );
		$state['last_dispatch'][ $key ] = $now;
		update_option( self::STATE_OPTION, $state, false );
		wp_clear_scheduled_hook( self::HOOK, array( $key ) );
		History::log(
			'event_trigger',
			'info',
			sprintf( 'Trigger %s: %d change(s) grouped; backup job %d queued.', $key, $pending['count'], $job['id'] ),
			array(
				'trigger'    => $key,
				'count'      => $pending['count'],
				'first_seen' => $pending['first_seen'],
				'last_seen'  => $pending['last_seen'] ?? $pending['first_seen'],
				'job_id'     => $job['id'],
			)
		);
		return $job;
	}

	/**
	 * upgrader_pre_install: a backup before the update's files are installed, unless one was
	 * made by this trigger within the cooldown. Never stops the update.
	 *
	 * @param bool|\WP_Error       $response The filter's value (returned unchanged).
	 * @param array<string, mixed> $extra    What is updated (plugin, theme, core...).
	 * @return bool|\WP_Error
	 */
	public static function before_update( $response, $extra = array() ) {
		if ( is_wp_error( $response ) ) {
			return $response;
		}
		$settings = self::settings( get_option( self::OPTION, array() ) )['before_update'];
		$state    = self::state();
		$now      = time();
		$last     = (int) ( $state['last_dispatch']['before_update'] ?? 0 );
		if ( $last > 0 && $now - $last < $settings['cooldown'] ) {
			return $response;
		}
		$state['last_dispatch']['before_update'] = $now;
		update_option( self::STATE_OPTION, $state, false );
		$what = self::update_subject( is_array( $extra ) ? $extra : array() );
		History::log( 'event_trigger', 'info', sprintf( 'Trigger before_update: a backup before updating %s.', $what ), array( 'trigger' => 'before_update', 'subject' => $what ) );
		try {
			Backup_Job::run( 'event-before-update' );
		} catch ( \Throwable $e ) {
			// Recorded by Backup_Job (failure) or here (busy); the update goes on.
			if ( $e instanceof Job_Busy_Exception ) {
				History::log( 'backup_created', 'warning', 'Backup before update not started: ' . $e->getMessage(), array( 'source' => 'event-before-update' ) );
			}
		}
		return $response;
	}

	/**
	 * What an update is about, from upgrader_pre_install's $hook_extra. Pure.
	 *
	 * @param array<string, mixed> $extra The hook's extra.
	 */
	public static function update_subject( array $extra ): string {
		if ( isset( $extra['plugin'] ) ) {
			return 'plugin ' . $extra['plugin'];
		}
		if ( isset( $extra['theme'] ) ) {
			return 'theme ' . $extra['theme'];
		}
		if ( 'core' === ( $extra['type'] ?? '' ) || isset( $extra['core'] ) ) {
			return 'WordPress core';
		}
		return (string) ( $extra['type'] ?? 'a package' );
	}

	/**
	 * The state: pending buckets and last dispatches.
	 *
	 * @return array<string, mixed>
	 */
	private static function state(): array {
		$state = get_option( self::STATE_OPTION, array() );
		return is_array( $state ) ? $state : array();
	}
}
