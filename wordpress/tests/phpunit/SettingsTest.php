<?php
declare(strict_types=1);

require_once __DIR__ . '/options-stand-in.php';
require_once dirname(__DIR__, 2) . '/bjlg/includes/class-storage.php';
require_once dirname(__DIR__, 2) . '/bjlg/includes/class-incidents.php';
require_once dirname(__DIR__, 2) . '/bjlg/includes/class-settings.php';

use Bjlg\WordPress\Settings;
use PHPUnit\Framework\TestCase;

// The settings' setters: what the extension refuses is refused with its reason and the field it
// names, nothing of a refused value is stored, secrets are shown masked and a masked value sent
// back keeps the stored secret.
final class SettingsTest extends TestCase
{
    private const S3 = ['name' => 'offsite', 'type' => 's3', 'bucket' => 'backups', 'region' => 'eu-west-3',
        'access_key' => 'AKIAEXAMPLE', 'secret_key' => 'very-secret-key-1234', 'prefix' => 'site-a/'];

    protected function setUp(): void
    {
        $GLOBALS['bjlg_test_options'] = [];
    }

    public function testValidDestinationsAreStoredAsTheExtensionReadThem(): void
    {
        $shown = Settings::set_destinations([['name' => 'disk', 'type' => 'local', 'path' => '/var/backups', 'quota_bytes' => 5000], self::S3]);
        $this->assertIsArray($shown);
        $stored = get_option('bjlg_destinations');
        $this->assertSame(['disk', 'offsite'], array_column($stored, 'name'));
        $this->assertSame('very-secret-key-1234', $stored[1]['secret_key'], 'the secret itself is stored');
        $this->assertSame(5000, $stored[0]['quota_bytes']);
        $this->assertSame([], Settings::set_destinations([]), 'an empty list removes every destination');
        $this->assertSame([], get_option('bjlg_destinations'));
    }

    public function testARefusedDestinationCarriesTheExtensionsReasonAndField(): void
    {
        update_option('bjlg_destinations', [['name' => 'disk', 'type' => 'local', 'path' => '/var/backups']]);
        $s3 = self::S3;
        unset($s3['access_key']);
        $error = Settings::set_destinations([['name' => 'disk', 'type' => 'local', 'path' => '/srv'], $s3]);
        $this->assertInstanceOf(WP_Error::class, $error);
        $this->assertSame('bjlg_destinations_refused', $error->get_error_code());
        $this->assertSame("destination #1 'offsite': key 'access_key' is required", $error->get_error_message(), 'the extension\'s words, without the temporary file');
        $data = $error->get_error_data();
        $this->assertSame(400, $data['status']);
        $this->assertSame([1, 'offsite', 'access_key'], [$data['item'], $data['name'], $data['key']]);
        $this->assertSame('Bjlg\Quota\InvalidDestinationException', $data['error']);
        $this->assertSame([['name' => 'disk', 'type' => 'local', 'path' => '/var/backups']], get_option('bjlg_destinations'), 'nothing stored');

        $error = Settings::set_destinations([['name' => 'disk', 'type' => 'local', 'path' => '/srv', 'quota_bytes' => '5']]);
        $this->assertSame("destination #0 'disk': key 'quota_bytes' must be an integer", $error->get_error_message());
        $error = Settings::set_destinations([['name' => 'a', 'type' => 'local', 'path' => '/a'], ['name' => 'a', 'type' => 'local', 'path' => '/b']]);
        $this->assertSame('name', $error->get_error_data()['key']);
        $this->assertStringContainsString('names must be unique', $error->get_error_message());
        $this->assertStringNotContainsString('bjlg-settings-', $error->get_error_message());
    }

    public function testDestinationSecretsAreShownMaskedAndTheMaskSentBackKeepsThem(): void
    {
        Settings::set_destinations([self::S3]);
        $shown = Settings::destinations();
        $this->assertSame('••••1234', $shown[0]['secret_key']);
        $this->assertSame('AKIAEXAMPLE', $shown[0]['access_key'], 'a key id is not a secret');
        $this->assertStringNotContainsString('very-secret', json_encode($shown));

        $shown[0]['prefix'] = 'site-b/';
        $again = Settings::set_destinations($shown);
        $this->assertSame('••••1234', $again[0]['secret_key']);
        $stored = get_option('bjlg_destinations');
        $this->assertSame('very-secret-key-1234', $stored[0]['secret_key'], 'the mask sent back keeps the secret');
        $this->assertSame('site-b/', $stored[0]['prefix']);

        $shown[0]['secret_key'] = 'a-new-secret-5678';
        Settings::set_destinations($shown);
        $this->assertSame('a-new-secret-5678', get_option('bjlg_destinations')[0]['secret_key'], 'a new secret replaces it');
    }

    public function testAMaskThatMatchesNoStoredSecretIsRefused(): void
    {
        Settings::set_destinations([self::S3]);
        $other = ['secret_key' => '••••9999'] + self::S3;
        $error = Settings::set_destinations([$other]);
        $this->assertInstanceOf(WP_Error::class, $error);
        $this->assertSame('secret_key', $error->get_error_data()['key']);
        $renamed = ['name' => 'elsewhere', 'secret_key' => '••••1234'] + self::S3;
        $this->assertInstanceOf(WP_Error::class, Settings::set_destinations([$renamed]), 'another destination\'s mask does not take its secret');
        $this->assertSame('very-secret-key-1234', get_option('bjlg_destinations')[0]['secret_key']);
    }

    public function testAShortSecretIsMaskedWhole(): void
    {
        $this->assertSame('••••', Settings::mask('hunter2'));
        $this->assertSame('••••cdef', Settings::mask('0123456789abcdef'));
        $this->assertSame('', Settings::mask(''));
    }

    public function testTheRetentionPolicyIsCheckedByTheExtension(): void
    {
        $this->assertSame(['keep_daily' => 7, 'keep_weekly' => 4], Settings::set_retention_policy(['keep_daily' => 7, 'keep_weekly' => 4]));
        $error = Settings::set_retention_policy(['keep_daily' => -1]);
        $this->assertInstanceOf(WP_Error::class, $error);
        $this->assertSame('bjlg_retention_refused', $error->get_error_code());
        $this->assertSame('key "keep_daily" must be an integer between 0 and 1000000, -1 given', $error->get_error_message());
        $this->assertSame('keep_daily', $error->get_error_data()['key']);
        $this->assertStringStartsWith('unknown key "keep_dayly"', Settings::set_retention_policy(['keep_dayly' => 7])->get_error_message());
        $this->assertSame('timezone', Settings::set_retention_policy(['timezone' => 'Mars/Olympus'])->get_error_data()['key']);
        $this->assertSame(['keep_daily' => 7, 'keep_weekly' => 4], get_option('bjlg_retention_policy'), 'nothing refused is stored');
        $this->assertSame([], Settings::set_retention_policy([]), 'an empty policy keeps everything');
    }

    public function testChannelsAreCheckedByTheExtensionAndTheirSecretsMasked(): void
    {
        $hook = 'https://hooks.slack.com/services/T000/B000/abcdefgh';
        $settings = [
            'channels' => ['ops' => ['type' => 'slack', 'webhook_url' => $hook], 'pd' => ['type' => 'pagerduty', 'routing_key' => 'R0UTINGKEY0123456789']],
            'policy' => ['notify' => ['ops']],
            'allow_private_network' => false,
        ];
        $shown = Settings::set_notify_settings($settings);
        $this->assertIsArray($shown);
        $this->assertSame('••••efgh', $shown['channels']['ops']['webhook_url']);
        $this->assertSame('••••6789', $shown['channels']['pd']['routing_key']);
        $this->assertStringNotContainsString('abcdefgh', json_encode(Settings::notify_settings()));
        $this->assertSame($hook, get_option('bjlg_notify_settings')['channels']['ops']['webhook_url']);
        $this->assertSame(['notify' => ['ops']], get_option('bjlg_notify_settings')['policy']);

        $shown['channels']['ops']['name'] = 'Ops room';
        Settings::set_notify_settings($shown);
        $this->assertSame($hook, get_option('bjlg_notify_settings')['channels']['ops']['webhook_url'], 'the mask sent back keeps the hook');

        $error = Settings::set_notify_settings(['channels' => ['ops' => ['type' => 'slack']]]);
        $this->assertInstanceOf(WP_Error::class, $error);
        $this->assertSame('bjlg_notify_refused', $error->get_error_code());
        $this->assertSame('channel "ops" (slack) needs key "webhook_url"', $error->get_error_message());
        $this->assertSame(['ops', 'webhook_url'], [$error->get_error_data()['name'], $error->get_error_data()['key']]);

        $error = Settings::set_notify_settings(['channels' => $settings['channels'], 'policy' => ['notify' => ['nobody']]]);
        $this->assertSame('policy', $error->get_error_data()['section']);
        $this->assertSame('notify', $error->get_error_data()['key']);
        $this->assertSame($hook, get_option('bjlg_notify_settings')['channels']['ops']['webhook_url'], 'nothing refused is stored');

        $this->assertSame(['channels' => [], 'policy' => [], 'allow_private_network' => false], Settings::set_notify_settings(['channels' => []]), 'no channel at all');
    }
}
