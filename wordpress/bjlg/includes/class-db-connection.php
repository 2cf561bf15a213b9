<?php
/**
 * The `$connection` array of Bjlg\Database (docs/database.md) for the site's own database, from
 * the DB_* constants and wpdb's reading of DB_HOST. Pure: the caller passes what WordPress knows,
 * so wp-config.php is never parsed a second time (Debian keeps it under /etc/wordpress).
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Builds connections.
 */
final class Db_Connection {

	/**
	 * The connection fields.
	 *
	 * @param string                   $database DB_NAME.
	 * @param string                   $user     DB_USER.
	 * @param string                   $password DB_PASSWORD.
	 * @param array{0: string, 1: ?int, 2: ?string}|false $host wpdb::parse_db_host( DB_HOST ): host, port, socket.
	 * @param string                   $charset  DB_CHARSET, or '' for utf8mb4.
	 * @return array<string, mixed>
	 * @throws \InvalidArgumentException A DB_HOST wpdb could not read.
	 */
	public static function from_wordpress( string $database, string $user, #[\SensitiveParameter] string $password, $host, string $charset = '' ): array {
		if ( ! is_array( $host ) ) {
			throw new \InvalidArgumentException( 'DB_HOST cannot be read' );
		}
		$connection = array(
			'database' => $database,
			'user'     => $user,
			'password' => $password,
			'charset'  => '' === $charset ? 'utf8mb4' : $charset,
		);
		list( $hostname, $port, $socket ) = $host;
		if ( null !== $socket && '' !== $socket ) {
			$connection['socket'] = $socket;
		} else {
			$connection['host'] = '' === (string) $hostname ? 'localhost' : (string) $hostname;
			if ( null !== $port && '' !== $port ) {
				$connection['port'] = (int) $port;
			}
		}
		return $connection;
	}
}
