<?php
declare(strict_types=1);

use Bjlg\WordPress\Db_Connection;
use PHPUnit\Framework\TestCase;

// The second argument is what wpdb::parse_db_host() returns for DB_HOST: [host, port, socket, is_ipv6].
final class DbConnectionTest extends TestCase
{
    public function testHostAndPort(): void
    {
        $this->assertSame(
            ['database' => 'wp', 'user' => 'u', 'password' => 'p', 'charset' => 'utf8mb4', 'host' => 'db.example', 'port' => 3307],
            Db_Connection::from_wordpress('wp', 'u', 'p', ['db.example', '3307', null, false])
        );
    }

    public function testSocketWinsOverHost(): void
    {
        $c = Db_Connection::from_wordpress('wp', 'u', '', ['localhost', null, '/run/mysqld/mysqld.sock', false], 'utf8');
        $this->assertSame('/run/mysqld/mysqld.sock', $c['socket']);
        $this->assertArrayNotHasKey('host', $c);
        $this->assertSame('utf8', $c['charset']);
    }

    public function testEmptyHostIsLocalhostWithoutPort(): void
    {
        $c = Db_Connection::from_wordpress('wp', 'u', '', ['', null, null, false]);
        $this->assertSame('localhost', $c['host']);
        $this->assertArrayNotHasKey('port', $c);
    }

    public function testUnreadableHostIsRefused(): void
    {
        $this->expectException(InvalidArgumentException::class);
        Db_Connection::from_wordpress('wp', 'u', '', false);
    }
}
