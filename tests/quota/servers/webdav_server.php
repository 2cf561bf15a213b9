<?php
// A WebDAV server with RFC 4331 quota for the quota tests, on Debian's php-sabre-dav (1.8),
// served by `php -S 127.0.0.1:PORT webdav_server.php` with BJLG_DAV_ROOT set to a folder.
// The root reports a fixed quota: used = 123456789 bytes, available = 876543211 bytes, so the
// tests can check exact figures. Basic auth: user "backup", password "s3cret-dav".
// /noquota/ is a plain collection without quota (a server that reports none). /purge/ is the
// folder BJLG_DAV_ROOT/purge on disk, for the purge tests (PROPFIND Depth 1, DELETE).
require_once 'Sabre/autoload.php';

class QuotaRoot extends Sabre\DAV\FS\Directory
{
    public function getQuotaInfo()
    {
        return [123456789, 876543211];
    }

    public function getChildren()
    {
        return [new Sabre\DAV\SimpleCollection('noquota', []), $this->getChild('purge')];
    }

    public function getChild($name)
    {
        if ($name === 'noquota') {
            return new Sabre\DAV\SimpleCollection('noquota', []);
        }
        if ($name === 'purge') {
            @mkdir($this->path . '/purge');
            return new Sabre\DAV\FS\Directory($this->path . '/purge');
        }
        throw new Sabre\DAV\Exception\NotFound($name);
    }
}

class FixedUser extends Sabre\DAV\Auth\Backend\AbstractBasic
{
    protected function validateUserPass($username, $password)
    {
        return $username === 'backup' && $password === 's3cret-dav';
    }
}

$server = new Sabre\DAV\Server(new QuotaRoot(getenv('BJLG_DAV_ROOT') ?: sys_get_temp_dir()));
$server->setBaseUri('/');
$server->addPlugin(new Sabre\DAV\Auth\Plugin(new FixedUser(), 'bjlg'));
$server->exec();
