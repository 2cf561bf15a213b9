<?php
declare(strict_types=1);

use Bjlg\WordPress\Site_Keys;
use PHPUnit\Framework\TestCase;

// A per-site API key authenticates on its own site only; an unbound one everywhere.
final class SiteKeysTest extends TestCase
{
    public function testABoundKeyAuthenticatesOnItsSiteOnly(): void
    {
        $this->assertTrue(Site_Keys::allows(2, 2));
        $this->assertFalse(Site_Keys::allows(2, 3));
        $this->assertFalse(Site_Keys::allows(2, 1));
    }

    public function testAnUnboundKeyIsWordPresssOwn(): void
    {
        $this->assertTrue(Site_Keys::allows(null, 1));
        $this->assertTrue(Site_Keys::allows(null, 7));
    }

    public function testTheBindingReadFromTheUserMeta(): void
    {
        $this->assertSame(2, Site_Keys::bound_site('2'));
        $this->assertNull(Site_Keys::bound_site(''), 'no meta: not bound');
        $this->assertNull(Site_Keys::bound_site('0'));
        $this->assertNull(Site_Keys::bound_site('x'));
    }
}
