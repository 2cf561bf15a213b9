<?php
/**
 * The settings the site's storage and notifications run on, with one validating setter each:
 * the destinations (option `bjlg_destinations`, Storage::DESTINATIONS_OPTION), the retention
 * policy (`bjlg_retention_policy`, Storage::POLICY_OPTION) and the notification settings
 * (`bjlg_notify_settings`, Incidents::SETTINGS_OPTION).
 *
 * Nothing is validated here: each setting goes through the extension call that reads it
 * (destinations: Bjlg\Remote\Purge::loadDestinations, as Collector and Purge check them; the
 * policy: Bjlg\Remote\Retention::evaluate; the channels and the incident policy:
 * Bjlg\Notify\Dispatcher::loadConfig), and what it refuses comes back as a WP_Error carrying
 * the extension's reason (and the destination's or channel's position, name and key it named).
 * Only what passed is stored.
 *
 * Secrets (destination credentials, channel tokens, passwords and keyed URLs) are write-only:
 * the getters show them masked (Settings::mask), and a value sent back masked keeps the stored
 * secret. The setters are static and take plain arrays, so that REST (Rest_Settings), the
 * commands and a policy import can call them alike.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Reads, checks (with the extension) and stores the destinations, retention policy and channels.
 */
final class Settings {

	/** What a masked secret starts with. */
	const MASK = '••••';

	/** A secret this short is masked whole: its last four characters would be most of it. */
	const MASK_MIN_LENGTH = 12;

	/** Destination keys holding a credential (docs/quota.md, "Destination types"). */
	const DESTINATION_SECRETS = array( 'secret_key', 'session_token', 'key', 'sas', 'application_key', 'access_token', 'refresh_token', 'client_secret', 'password', 'passphrase' );

	/** Channel keys holding a credential or a keyed URL (docs/notify.md, "Messages and channels"). */
	const CHANNEL_SECRETS = array( 'password', 'secret', 'webhook_url', 'bot_token', 'auth_token', 'routing_key' );

	/**
	 * The destinations, secrets masked.
	 *
	 * @return list<array<string, mixed>>
	 */
	public static function destinations(): array {
		return array_map(
			static function ( array $destination ): array {
				return self::masked( $destination, self::DESTINATION_SECRETS );
			},
			Storage::destinations()
		);
	}

	/**
	 * Replaces the destinations by $destinations, if the extension accepts them.
	 *
	 * @param array<int, mixed> $destinations A list of destination arrays (docs/quota.md); a
	 *                                        secret sent back masked keeps the stored one of the
	 *                                        destination of the same name.
	 * @return list<array<string, mixed>>|\WP_Error The stored destinations, masked; or why not.
	 */
	public static function set_destinations( array $destinations ) {
		$checked = self::check_destinations( $destinations, Storage::destinations() );
		if ( is_wp_error( $checked ) ) {
			return $checked;
		}
		update_option( Storage::DESTINATIONS_OPTION, $checked, false );
		return self::destinations();
	}

	/**
	 * The destinations to store: masked secrets restored from $stored, then read by the
	 * extension (Purge::loadDestinations, which checks them as Collector and Purge do).
	 *
	 * @param array<int, mixed>               $destinations What was sent.
	 * @param list<array<string, mixed>>      $stored       The stored destinations.
	 * @return list<array<string, mixed>>|\WP_Error
	 */
	public static function check_destinations( array $destinations, array $stored ) {
		if ( array_values( $destinations ) !== $destinations ) {
			return self::refusal( 'bjlg_destinations_refused', 'destinations must be a list', array() );
		}
		$by_name = array();
		foreach ( $stored as $destination ) {
			$by_name[ (string) ( $destination['name'] ?? '' ) ] = $destination;
		}
		foreach ( $destinations as $i => $destination ) {
			if ( ! is_array( $destination ) ) {
				return self::refusal( 'bjlg_destinations_refused', sprintf( 'destination #%d must be a map of keys', $i ), array( 'item' => $i ) );
			}
			$name     = is_string( $destination['name'] ?? null ) ? $destination['name'] : '';
			$restored = self::unmasked( $destination, $by_name[ $name ] ?? array(), self::DESTINATION_SECRETS );
			if ( is_string( $restored ) ) {
				return self::refusal(
					'bjlg_destinations_refused',
					sprintf( "destination #%d '%s': key '%s' is masked but no stored secret matches it: type the secret again", $i, $name, $restored ),
					array(
						'item' => $i,
						'name' => $name,
						'key'  => $restored,
					)
				);
			}
			$destinations[ $i ] = $restored;
		}
		if ( array() === $destinations ) {
			return array();
		}
		try {
			return self::through_file(
				$destinations,
				static function ( string $path ): array {
					return \Bjlg\Remote\Purge::loadDestinations( $path );
				}
			);
		} catch ( \Throwable $e ) {
			return self::refused_by_extension( 'bjlg_destinations_refused', $e );
		}
	}

	/**
	 * The retention policy (no secret in it).
	 *
	 * @return array<string, mixed>
	 */
	public static function retention_policy(): array {
		return Storage::policy();
	}

	/**
	 * Replaces the retention policy by $policy, if the extension accepts it
	 * (Retention::evaluate, the call Purge::plan makes with it). An empty policy keeps
	 * everything.
	 *
	 * @param array<string, mixed> $policy The keys of docs/purge.md.
	 * @return array<string, mixed>|\WP_Error The stored policy, or why not.
	 */
	public static function set_retention_policy( array $policy ) {
		$checked = self::check_retention_policy( $policy );
		if ( is_wp_error( $checked ) ) {
			return $checked;
		}
		update_option( Storage::POLICY_OPTION, $checked, false );
		return self::retention_policy();
	}

	/**
	 * The policy to store: $policy as given, once the extension has read it.
	 *
	 * @param array<string, mixed> $policy What was sent.
	 * @return array<string, mixed>|\WP_Error
	 */
	public static function check_retention_policy( array $policy ) {
		try {
			\Bjlg\Remote\Retention::evaluate( array(), $policy );
		} catch ( \Throwable $e ) {
			return self::refused_by_extension( 'bjlg_retention_refused', $e );
		}
		return $policy;
	}

	/**
	 * The notification settings, secrets masked.
	 *
	 * @return array{channels: array<string, array<string, mixed>>, policy: array<string, mixed>, allow_private_network: bool}
	 */
	public static function notify_settings(): array {
		$settings = Incidents::settings();
		foreach ( $settings['channels'] as $name => $channel ) {
			$settings['channels'][ $name ] = self::masked( is_array( $channel ) ? $channel : array(), self::CHANNEL_SECRETS );
		}
		return $settings;
	}

	/**
	 * Replaces the notification settings, if the extension accepts the channels and the
	 * incident policy (Dispatcher::loadConfig, which checks them as send() and Incident::open()).
	 *
	 * @param array<string, mixed> $settings `channels` (name => channel; a secret sent back masked
	 *                                       keeps the stored one of the channel of the same name),
	 *                                       `policy`, `allow_private_network`.
	 * @return array<string, mixed>|\WP_Error The stored settings, masked; or why not.
	 */
	public static function set_notify_settings( array $settings ) {
		$checked = self::check_notify_settings( $settings, Incidents::settings() );
		if ( is_wp_error( $checked ) ) {
			return $checked;
		}
		update_option( Incidents::SETTINGS_OPTION, $checked, false );
		return self::notify_settings();
	}

	/**
	 * The notification settings to store.
	 *
	 * @param array<string, mixed> $settings What was sent.
	 * @param array<string, mixed> $stored   Incidents::settings().
	 * @return array<string, mixed>|\WP_Error
	 */
	public static function check_notify_settings( array $settings, array $stored ) {
		$unknown = array_diff( array_keys( $settings ), array( 'channels', 'policy', 'allow_private_network' ) );
		if ( array() !== $unknown ) {
			return self::refusal( 'bjlg_notify_refused', sprintf( 'unknown key "%s" (known: channels, policy, allow_private_network)', (string) reset( $unknown ) ), array( 'key' => (string) reset( $unknown ) ) );
		}
		$channels = $settings['channels'] ?? array();
		$policy   = $settings['policy'] ?? array();
		$private  = $settings['allow_private_network'] ?? false;
		if ( ! is_array( $channels ) || ! is_array( $policy ) || ! is_bool( $private ) ) {
			return self::refusal( 'bjlg_notify_refused', 'channels and policy must be maps, allow_private_network true or false', array() );
		}
		foreach ( $channels as $name => $channel ) {
			if ( ! is_array( $channel ) ) {
				return self::refusal( 'bjlg_notify_refused', sprintf( 'channel "%s" must be a map of keys', $name ), array( 'name' => (string) $name ) );
			}
			$restored = self::unmasked( $channel, is_array( $stored['channels'][ $name ] ?? null ) ? $stored['channels'][ $name ] : array(), self::CHANNEL_SECRETS );
			if ( is_string( $restored ) ) {
				return self::refusal(
					'bjlg_notify_refused',
					sprintf( 'channel "%s" key "%s" is masked but no stored secret matches it: type the secret again', $name, $restored ),
					array(
						'name' => (string) $name,
						'key'  => $restored,
					)
				);
			}
			$channels[ $name ] = $restored;
		}
		$checked = array( 'channels' => array() );
		if ( array() !== $channels || array() !== $policy ) {
			$config = array( 'channels' => (object) $channels );
			if ( array() !== $policy ) {
				$config['policy'] = $policy;
			}
			try {
				$checked = self::through_file(
					$config,
					static function ( string $path ): array {
						return \Bjlg\Notify\Dispatcher::loadConfig( $path );
					}
				);
			} catch ( \Throwable $e ) {
				return self::refused_by_extension( 'bjlg_notify_refused', $e );
			}
		}
		return array(
			'channels'              => $checked['channels'],
			'policy'                => $checked['policy'] ?? array(),
			'allow_private_network' => $private,
		);
	}

	/**
	 * A secret as answers show it: the mask, then its last four characters when it is long
	 * enough for them to say little. Pure.
	 *
	 * @param string $secret The secret.
	 */
	public static function mask( string $secret ): string {
		if ( '' === $secret ) {
			return '';
		}
		return strlen( $secret ) >= self::MASK_MIN_LENGTH ? self::MASK . substr( $secret, -4 ) : self::MASK;
	}

	/**
	 * $item with each of its $secrets masked. Pure.
	 *
	 * @param array<string, mixed> $item    A destination or a channel.
	 * @param list<string>         $secrets Its secret keys.
	 * @return array<string, mixed>
	 */
	public static function masked( array $item, array $secrets ): array {
		foreach ( $secrets as $key ) {
			if ( isset( $item[ $key ] ) && is_string( $item[ $key ] ) ) {
				$item[ $key ] = self::mask( $item[ $key ] );
			}
		}
		return $item;
	}

	/**
	 * $item with each secret sent back masked replaced by the stored one it masks; the key's
	 * name when a masked value masks nothing stored. Pure.
	 *
	 * @param array<string, mixed> $item    What was sent.
	 * @param array<string, mixed> $stored  The stored item of the same name (or none).
	 * @param list<string>         $secrets The secret keys.
	 * @return array<string, mixed>|string
	 */
	private static function unmasked( array $item, array $stored, array $secrets ) {
		foreach ( $secrets as $key ) {
			$value = $item[ $key ] ?? null;
			if ( ! is_string( $value ) || 0 !== strpos( $value, self::MASK ) ) {
				continue;
			}
			$kept = $stored[ $key ] ?? null;
			if ( ! is_string( $kept ) || '' === $kept || ! hash_equals( self::mask( $kept ), $value ) ) {
				return $key;
			}
			$item[ $key ] = $kept;
		}
		return $item;
	}

	/**
	 * Runs an extension reader on $value written as JSON (which is YAML) to a private
	 * temporary file, removed whatever happens. The file's path never reaches a message:
	 * refused_by_extension() takes it out.
	 *
	 * @param mixed    $value  What to write.
	 * @param callable $reader Takes the path, returns what the extension read.
	 * @return array<mixed>
	 * @throws \Throwable What the reader threw.
	 */
	private static function through_file( $value, callable $reader ): array {
		$json = json_encode( $value, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode -- the exact JSON, or an exception.
		$path = tempnam( sys_get_temp_dir(), 'bjlg-settings-' );
		if ( false === $path ) {
			throw new \RuntimeException( 'no temporary file for the settings' );
		}
		try {
			chmod( $path, 0600 ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_chmod -- it holds credentials.
			if ( false === file_put_contents( $path, $json ) ) { // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- a private temporary file.
				throw new \RuntimeException( 'the settings could not be written to a temporary file' );
			}
			return $reader( $path );
		} finally {
			unlink( $path ); // phpcs:ignore WordPress.WP.AlternativeFunctions.unlink_unlink -- our temporary file.
		}
	}

	/**
	 * The WP_Error of a refusal by the extension: its reason (the temporary file's name and the
	 * calling function's prefix taken out), the exception's `option` or `item` when it has one,
	 * and the position, name and key its message names, for a form to show it by the field.
	 *
	 * @param string     $code The error code.
	 * @param \Throwable $e    What the extension threw.
	 */
	public static function refused_by_extension( string $code, \Throwable $e ): \WP_Error {
		$reason = $e->getMessage();
		$reason = (string) preg_replace( '~^\S*bjlg-settings-\S*(?: line \d+)?: ~', '', $reason );
		$reason = (string) preg_replace( '~^[\w\\\\]+::\w+\(\): Argument #\d+ \(\$\w+\) ~', '', $reason );
		$data   = array( 'error' => get_class( $e ) );
		if ( $e instanceof \Bjlg\OptionError && '' !== $e->option ) {
			$data['option'] = $e->option;
		}
		if ( $e instanceof \Bjlg\Exception && null !== $e->item ) {
			$data['item'] = $e->item;
		}
		if ( preg_match( "~^destination #(\d+) '([^']*)'~", $reason, $m ) ) {
			$data += array(
				'item' => (int) $m[1],
				'name' => $m[2],
			);
		} elseif ( preg_match( '~^channel "([^"]*)"~', $reason, $m ) ) {
			$data['name'] = $m[1];
		}
		if ( preg_match( '~\bkey [\'"]([\w.]+)[\'"]~', $reason, $m ) ) {
			$data['key'] = $m[1];
		}
		if ( 0 === strpos( $reason, 'policy' ) ) {
			$data['section'] = 'policy';
		}
		return self::refusal( $code, $reason, $data );
	}

	/**
	 * A 400 WP_Error with the reason as its message and in its data.
	 *
	 * @param string               $code   The error code.
	 * @param string               $reason Why.
	 * @param array<string, mixed> $data   What it names.
	 */
	private static function refusal( string $code, string $reason, array $data ): \WP_Error {
		return new \WP_Error( $code, $reason, array( 'status' => 400, 'reason' => $reason ) + $data );
	}
}
