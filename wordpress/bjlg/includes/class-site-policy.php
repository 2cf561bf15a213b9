<?php
/**
 * The site's policy as one document (Bjlg\Config\Policy, docs/policy.md): exported from what
 * the plugin reads (the schedule `bjlg_schedule_settings`, the destinations `bjlg_destinations`,
 * the retention policy `bjlg_retention_policy`, the channels of `bjlg_notify_settings`, the
 * targets `bjlg_policy_targets`, Targets: the site's one RPO/RTO setting) and imported into the same options.
 *
 * Secrets never leave the site: an export writes each secret the site holds as the reference
 * {option: "bjlg:destination:NAME:KEY"} (or bjlg:channel:NAME:KEY), which an import on this site
 * resolves to the secret it holds today. An import resolves {env: NAME} (the environment of
 * the PHP process), {file: /path} (64 KiB at most, trailing newline dropped) and {option: name}
 * (a WordPress option holding a string); a reference that cannot be resolved refuses the whole
 * import, before anything is written.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

use Bjlg\Config\Policy;

/**
 * Exports and imports the site's policy.
 */
final class Site_Policy {

	/** The targets' option: Targets::OPTION, the site's one RPO/RTO setting. */
	const TARGETS_OPTION = Targets::OPTION;

	/** The settings holding a secret, by destination type (the core's table, docs/policy.md). */
	const DESTINATION_SECRETS = array(
		's3'       => array( 'access_key', 'secret_key', 'session_token' ),
		'azure'    => array( 'key', 'sas' ),
		'b2'       => array( 'key_id', 'application_key' ),
		'gdrive'   => array( 'access_token', 'refresh_token', 'client_secret' ),
		'dropbox'  => array( 'access_token', 'refresh_token', 'client_secret' ),
		'onedrive' => array( 'access_token', 'refresh_token', 'client_secret' ),
		'pcloud'   => array( 'access_token' ),
		'webdav'   => array( 'password' ),
		'sftp'     => array( 'password', 'passphrase' ),
		'local'    => array(),
	);

	/** The keys of a channel holding a secret. */
	const CHANNEL_SECRETS = array( 'password', 'secret', 'bot_token', 'auth_token', 'routing_key', 'webhook_url' );

	/** Sections in the document's order. */
	const SECTIONS = array( 'schedules', 'destinations', 'retention', 'channels', 'targets' );

	/** Largest secret file read. */
	const MAX_SECRET_FILE = 65536;

	/**
	 * The site's policy as a document array, secrets replaced by references to themselves. Pure.
	 *
	 * @param list<array<string, mixed>>      $entries      Schedule::entries().
	 * @param list<array<string, mixed>>      $destinations Storage::destinations().
	 * @param array<string, mixed>            $retention    Storage::policy().
	 * @param array<string, array<string, mixed>> $channels Incidents::settings()['channels'].
	 * @param array<string, mixed>            $targets      The targets option.
	 * @return array<string, mixed>
	 */
	public static function export_array( array $entries, array $destinations, array $retention, array $channels, array $targets ): array {
		$schedules = array();
		foreach ( $entries as $entry ) {
			$schedule = self::schedule_of( $entry );
			if ( null !== $schedule ) {
				$schedules[] = $schedule;
			}
		}
		$out_destinations = array();
		foreach ( $destinations as $destination ) {
			$name = (string) ( $destination['name'] ?? '' );
			foreach ( self::DESTINATION_SECRETS[ $destination['type'] ?? '' ] ?? array() as $key ) {
				if ( isset( $destination[ $key ] ) && '' !== $destination[ $key ] ) {
					$destination[ $key ] = array( 'option' => "bjlg:destination:$name:$key" );
				}
			}
			$out_destinations[] = $destination;
		}
		$out_channels = array();
		foreach ( $channels as $name => $channel ) {
			foreach ( self::CHANNEL_SECRETS as $key ) {
				if ( isset( $channel[ $key ] ) && '' !== $channel[ $key ] ) {
					$channel[ $key ] = array( 'option' => "bjlg:channel:$name:$key" );
				}
			}
			$out_channels[ $name ] = $channel;
		}
		$doc = array(
			'schedules'    => $schedules,
			'destinations' => $out_destinations,
			'retention'    => $retention,
			'channels'     => $out_channels,
		);
		$targets = array_intersect_key( $targets, array_flip( array( 'rpo_hours', 'rto_minutes' ) ) );
		if ( array() !== $targets ) {
			$doc['targets'] = $targets;
		}
		return $doc;
	}

	/**
	 * The sections of $incoming that differ from $current (both document arrays, secrets as
	 * references): per section, `unchanged` or `changed` with the entries added, removed and
	 * changed by name (lists and maps of entries), or the keys changed (retention, targets).
	 * Sections absent from $incoming are not listed: the import leaves them. Pure.
	 *
	 * @param array<string, mixed> $current  The site's export_array().
	 * @param array<string, mixed> $incoming Policy::toArray() of the document.
	 * @return array<string, array{status: string, added?: list<string>, removed?: list<string>, changed?: list<string>}>
	 */
	public static function changes( array $current, array $incoming ): array {
		$out = array();
		foreach ( self::SECTIONS as $section ) {
			if ( ! array_key_exists( $section, $incoming ) ) {
				continue;
			}
			$before = self::entries( $section, $current[ $section ] ?? array() );
			$after  = self::entries( $section, $incoming[ $section ] );
			$change = array(
				'added'   => array_values( array_map( 'strval', array_keys( array_diff_key( $after, $before ) ) ) ),
				'removed' => array_values( array_map( 'strval', array_keys( array_diff_key( $before, $after ) ) ) ),
				'changed' => array(),
			);
			foreach ( array_intersect_key( $after, $before ) as $name => $value ) {
				if ( self::normalized( $value ) !== self::normalized( $before[ $name ] ) ) {
					$change['changed'][] = (string) $name;
				}
			}
			$same          = array() === $change['added'] && array() === $change['removed'] && array() === $change['changed'];
			$out[ $section ] = array( 'status' => $same ? 'unchanged' : 'changed' ) + $change;
		}
		return $out;
	}

	/**
	 * Replaces every reference of the document by the secret it names. $lookup answers a
	 * reference (['env' => 'X'] …) with the secret, or throws \InvalidArgumentException saying
	 * why it cannot (never with a secret in the message). Pure apart from $lookup.
	 *
	 * @param array<string, mixed> $doc    Policy::toArray().
	 * @param callable             $lookup function ( string $source, string $name, string $where ): string.
	 * @return array<string, mixed>
	 */
	public static function resolve( array $doc, callable $lookup ): array {
		foreach ( $doc['destinations'] ?? array() as $i => $destination ) {
			foreach ( self::DESTINATION_SECRETS[ $destination['type'] ] ?? array() as $key ) {
				if ( is_array( $destination[ $key ] ?? null ) ) {
					$source                         = (string) array_key_first( $destination[ $key ] );
					$doc['destinations'][ $i ][ $key ] = $lookup( $source, (string) $destination[ $key ][ $source ], "destination '{$destination['name']}' key '$key'" );
				}
			}
		}
		foreach ( $doc['channels'] ?? array() as $name => $channel ) {
			foreach ( self::CHANNEL_SECRETS as $key ) {
				if ( is_array( $channel[ $key ] ?? null ) ) {
					$source                        = (string) array_key_first( $channel[ $key ] );
					$doc['channels'][ $name ][ $key ] = $lookup( $source, (string) $channel[ $key ][ $source ], "channel '$name' key '$key'" );
				}
			}
		}
		return $doc;
	}

	/**
	 * A schedule entry as a policy schedule (a paused entry with the expression it would run), or
	 * null for an entry that never had one. Pure.
	 *
	 * @param array<string, mixed> $entry A schedule entry.
	 * @return array{name: string, cron: string, type: string, enabled: bool}|null
	 */
	public static function schedule_of( array $entry ): ?array {
		$enabled = 'disabled' !== ( $entry['recurrence'] ?? 'disabled' );
		if ( ! $enabled ) {
			$previous            = (string) ( $entry['previous_recurrence'] ?? '' );
			$entry['recurrence'] = '' !== $previous && 'disabled' !== $previous ? $previous : 'custom';
		}
		try {
			$cron = Schedule::cron_of( $entry );
		} catch ( \InvalidArgumentException $e ) {
			return null;
		}
		if ( '' === $cron ) {
			return null;
		}
		return array(
			'name'    => (string) ( $entry['label'] ?? 'Full backup' ),
			'cron'    => $cron,
			'type'    => empty( $entry['incremental'] ) ? 'full' : 'incremental',
			'enabled' => $enabled,
		);
	}

	/**
	 * The schedule entries a policy's schedules become, checked (each expression and its
	 * guardrails) but not stored: the first takes the default entry, the others the entry of the
	 * same name or a new one. Entries the document does not name are not among them.
	 *
	 * @param list<array<string, mixed>> $schedules The document's schedules.
	 * @return list<array<string, mixed>>
	 * @throws \InvalidArgumentException A schedule refused (its name and why).
	 */
	private static function entries_of( array $schedules ): array {
		$existing = array();
		foreach ( Schedule::entries() as $entry ) {
			$existing[ (string) $entry['label'] ] = $existing[ (string) $entry['label'] ] ?? $entry;
		}
		$entries = array();
		foreach ( $schedules as $i => $schedule ) {
			$base = 0 === $i ? Schedule::entry() : ( $existing[ $schedule['name'] ] ?? Schedule::blank_entry( Schedule::new_id() ) );
			if ( 0 !== $i && Schedule::DEFAULT_ID === $base['id'] ) {
				$base = Schedule::blank_entry( Schedule::new_id() );
			}
			try {
				$entry = Schedule::apply_input(
					$base,
					array(
						'name'    => $schedule['name'],
						'cron'    => $schedule['cron'],
						'type'    => $schedule['type'],
						'enabled' => $schedule['enabled'],
					)
				);
				$report = \Bjlg\Cron\Expression::parse( $schedule['cron'] )->check( array( 'timezone' => wp_timezone() ) );
			} catch ( \InvalidArgumentException | \Bjlg\Cron\SyntaxError $e ) {
				throw new \InvalidArgumentException( "schedule '{$schedule['name']}': " . $e->getMessage(), 0, $e );
			}
			foreach ( $report['warnings'] as $warning ) {
				if ( 'error' === $warning['severity'] ) {
					throw new \InvalidArgumentException( "schedule '{$schedule['name']}': {$warning['code']}: {$warning['message']}" );
				}
			}
			$entries[] = $entry;
		}
		return $entries;
	}

	/**
	 * The settings sections of a resolved document as the Settings screen's routes store them,
	 * checked by the same calls of the extension (Settings::check_*): option name => value.
	 *
	 * @param array<string, mixed> $resolved The document, references resolved.
	 * @return array<string, mixed>
	 * @throws \InvalidArgumentException A section the extension refuses (its reason).
	 */
	private static function checked_settings( array $resolved ): array {
		$checked = array();
		if ( isset( $resolved['destinations'] ) ) {
			$checked[ Storage::DESTINATIONS_OPTION ] = Settings::check_destinations( $resolved['destinations'], array() );
		}
		if ( isset( $resolved['retention'] ) ) {
			$checked[ Storage::POLICY_OPTION ] = Settings::check_retention_policy( $resolved['retention'] );
		}
		if ( isset( $resolved['channels'] ) ) {
			$settings                              = Incidents::settings();
			$settings['channels']                  = $resolved['channels'];
			$checked[ Incidents::SETTINGS_OPTION ] = Settings::check_notify_settings(
				array_intersect_key( $settings, array_flip( array( 'channels', 'policy', 'allow_private_network' ) ) ),
				array()
			);
		}
		foreach ( $checked as $value ) {
			if ( is_wp_error( $value ) ) {
				throw new \InvalidArgumentException( $value->get_error_message() );
			}
		}
		return $checked;
	}

	/**
	 * The site's policy now.
	 */
	public static function export(): Policy {
		return Policy::fromArray(
			self::export_array(
				Schedule::entries(),
				Storage::destinations(),
				Storage::policy(),
				Incidents::settings()['channels'],
				Targets::stored()
			)
		);
	}

	/**
	 * Imports $policy: what changes (changes()), then, unless $dry_run, writes each section the
	 * document holds into the options the plugin reads. Everything is checked first (references
	 * resolved, the schedule's guardrails): a refusal writes nothing.
	 *
	 * @param Policy       $policy  The document.
	 * @param bool         $dry_run Only say what would change.
	 * @param list<string> $sources The kinds of reference resolved (env, file, option): over
	 *                              REST only `option`, since the environment and the files of
	 *                              the server are its operator's, not a site administrator's.
	 * @return array{changes: array<string, array<string, mixed>>, applied: bool}
	 * @throws \InvalidArgumentException A reference that cannot be resolved, a schedule refused
	 *                                   (its expression, its type, the guardrails).
	 */
	public static function import( Policy $policy, bool $dry_run, array $sources = array( 'env', 'file', 'option' ) ): array {
		$incoming = $policy->toArray();
		try {
			$current = self::export()->toArray();
		} catch ( \ValueError $e ) {
			$current = array(); // Settings the extension refuses today: the document replaces them.
		}
		$changes = self::changes( $current, $incoming );
		$schedules = $incoming['schedules'] ?? null;
		$entries   = null === $schedules ? null : self::entries_of( $schedules );
		$resolved = self::resolve(
			$incoming,
			static function ( string $source, string $name, string $where ) use ( $sources ): string {
				if ( ! in_array( $source, $sources, true ) ) {
					throw new \InvalidArgumentException( "$where: {{$source}: ...} references are resolved only by `bjlg --wp policy import` on the server, not here (use {option: name})" );
				}
				return self::lookup( $source, $name, $where );
			}
		);
		$checked = self::checked_settings( $resolved );
		if ( $dry_run ) {
			return array(
				'changes' => $changes,
				'applied' => false,
			);
		}
		if ( null !== $entries ) {
			$kept = array();
			foreach ( $entries as $entry ) {
				Schedule::put( $entry );
				$kept[] = $entry['id'];
			}
			foreach ( Schedule::entries() as $entry ) {
				if ( ! in_array( $entry['id'], $kept, true ) ) {
					if ( Schedule::DEFAULT_ID === $entry['id'] ) {
						Schedule::disable();
					} else {
						Schedule::delete( $entry['id'] );
					}
				}
			}
		}
		foreach ( $checked as $option => $value ) {
			update_option( $option, $value, false );
		}
		if ( isset( $resolved['targets'] ) ) {
			// Through the targets' own setter (Policy has accepted them: it cannot refuse).
			Targets::set( $resolved['targets'] );
		}
		History::log(
			'policy_imported',
			'info',
			'Policy imported: ' . implode( ', ', array_keys( array_filter( $changes, static fn( $c ) => 'changed' === $c['status'] ) ) ),
			array( 'sections' => array_keys( $changes ) )
		);
		return array(
			'changes' => $changes,
			'applied' => true,
		);
	}

	/**
	 * The secret a reference names, on this site.
	 *
	 * @param string $source env, file or option.
	 * @param string $name   The variable, path or option.
	 * @param string $where  The setting, for the message.
	 * @throws \InvalidArgumentException When it cannot be resolved.
	 */
	public static function lookup( string $source, string $name, string $where ): string {
		$refused = static function ( string $why ) use ( $source, $name, $where ): \InvalidArgumentException {
			return new \InvalidArgumentException( "$where: the reference {{$source}: $name} $why" );
		};
		if ( 'env' === $source ) {
			$value = getenv( $name );
			if ( false === $value || '' === $value ) {
				throw $refused( 'names an environment variable that is not set' );
			}
			return $value;
		}
		if ( 'file' === $source ) {
			if ( ! is_file( $name ) || ! is_readable( $name ) ) {
				throw $refused( 'names a file that cannot be read' );
			}
			$value = file_get_contents( $name, false, null, 0, self::MAX_SECRET_FILE + 1 ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			if ( false === $value || strlen( $value ) > self::MAX_SECRET_FILE ) {
				throw $refused( 'names a file that cannot be read or is larger than 64 KiB' );
			}
			$value = rtrim( $value, "\r\n" );
			if ( '' === $value ) {
				throw $refused( 'names an empty file' );
			}
			return $value;
		}
		if ( preg_match( '/^bjlg:(destination|channel):(.*):([a-z_]+)$/s', $name, $m ) ) {
			$held = null;
			if ( 'destination' === $m[1] ) {
				foreach ( Storage::destinations() as $destination ) {
					if ( (string) ( $destination['name'] ?? '' ) === $m[2] ) {
						$held = $destination[ $m[3] ] ?? null;
					}
				}
			} else {
				$held = Incidents::settings()['channels'][ $m[2] ][ $m[3] ] ?? null;
			}
			if ( ! is_string( $held ) || '' === $held ) {
				throw $refused( "names a secret this site does not hold (no {$m[1]} '{$m[2]}' with '{$m[3]}')" );
			}
			return $held;
		}
		$value = get_option( $name, null );
		if ( ! is_string( $value ) || '' === $value ) {
			throw $refused( 'names an option that does not hold a text' );
		}
		return $value;
	}

	/**
	 * Entries of a section by name (lists of named entries, maps of entries) or by key.
	 *
	 * @param string $section The section.
	 * @param mixed  $value   Its value.
	 * @return array<string, mixed>
	 */
	private static function entries( string $section, $value ): array {
		if ( ! is_array( $value ) ) {
			return array();
		}
		if ( 'schedules' === $section || 'destinations' === $section ) {
			$by = array();
			foreach ( $value as $entry ) {
				$by[ (string) ( $entry['name'] ?? '' ) ] = $entry;
			}
			return $by;
		}
		if ( 'retention' === $section ) {
			return array_filter( $value, static fn( $v ) => null !== $v && 0 !== $v && false !== $v );
		}
		return $value;
	}

	/**
	 * A value with its maps' keys sorted, for comparisons that ignore order.
	 *
	 * @param mixed $value Any value.
	 * @return mixed
	 */
	private static function normalized( $value ) {
		if ( ! is_array( $value ) ) {
			return $value;
		}
		if ( ! array_is_list( $value ) ) {
			ksort( $value );
		}
		return array_map( array( self::class, 'normalized' ), $value );
	}
}
