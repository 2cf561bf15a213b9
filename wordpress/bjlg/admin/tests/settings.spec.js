/**
 * The settings screen on the WordPress of tests/wordpress/run-admin.sh, which holds a local
 * destination `local-disk` (BJLG_ADMIN_STORAGE) and two channels, one with a secret
 * (tests/wordpress/admin-site.php). A destination is added through the form, refused by the
 * extension (its reason next to the field it names), saved, read back, then removed again so
 * that the storage tests find the site as it was.
 */
const { test, expect } = require( '@playwright/test' );
const { logIn, watchConsole, openScreen, screenshots } = require( './helpers' );

const FOLDER = process.env.BJLG_ADMIN_STORAGE;

test.beforeEach( async ( { page } ) => {
	await logIn( page );
} );

// Whatever happens in the test, the site's destinations are put back as they were (the storage
// tests count local-disk's archives): through core's wp.apiFetch on the admin page.
test.afterEach( async ( { page } ) => {
	await openScreen( page, 'bjlg-settings' );
	await page.evaluate( async () => {
		const path = '/bjlg/v1/settings/destinations';
		const { destinations } = await window.wp.apiFetch( { path } );
		await window.wp.apiFetch( {
			path,
			method: 'PUT',
			data: {
				destinations: destinations.filter(
					( d ) => d.name !== 'settings-disk'
				),
			},
		} );
	} );
} );

test( 'settings: a local destination added, refused next to its field, saved, removed', async ( {
	page,
} ) => {
	const errors = watchConsole( page );
	await openScreen( page, 'bjlg-settings' );
	const forms = page.getByTestId( 'bjlg-destination-form' );
	await expect( forms ).toHaveCount( 1 );
	await expect( forms.first().locator( 'legend' ) ).toHaveText(
		'local-disk (local)'
	);
	await expect(
		forms.first().getByLabel( 'path', { exact: true } )
	).toHaveValue( FOLDER );

	await page.getByRole( 'button', { name: 'Add a destination' } ).click();
	const added = forms.nth( 1 );
	await expect( added.locator( 'legend' ) ).toHaveText( 'New destination' );
	await added.getByLabel( 'name', { exact: true } ).fill( 'settings-disk' );
	await expect(
		added.getByLabel( 'type', { exact: true } )
	).toHaveValue( 'local' );
	// No path: the extension refuses, and says so under the path field.
	await page.getByRole( 'button', { name: 'Save the destinations' } ).click();
	const path = added.getByLabel( 'path', { exact: true } );
	await expect( path ).toHaveAttribute( 'aria-invalid', 'true' );
	await expect( added.locator( '.bjlg-field-error' ) ).toHaveText(
		"destination #1 'settings-disk': key 'path' is required"
	);
	await expect( path ).toHaveAccessibleDescription(
		"destination #1 'settings-disk': key 'path' is required"
	);
	await expect( page.locator( '.components-notice.is-error' ) ).toContainText(
		"Not saved: destination #1 'settings-disk': key 'path' is required"
	);
	await screenshots( page, 'settings' );

	await path.fill( FOLDER );
	await page.getByRole( 'button', { name: 'Save the destinations' } ).click();
	await expect(
		page.locator( '.components-card', { hasText: 'Destinations' } ).locator(
			'.components-notice.is-success'
		)
	).toContainText( 'Saved.' );
	await expect( added.locator( '.bjlg-field-error' ) ).toHaveCount( 0 );

	// Stored: read back after a reload.
	await openScreen( page, 'bjlg-settings' );
	await expect( forms ).toHaveCount( 2 );
	await expect( forms.nth( 1 ).locator( 'legend' ) ).toHaveText(
		'settings-disk (local)'
	);
	// The channels are listed, their secrets never sent to the page.
	await expect(
		page.locator( '.components-card', { hasText: 'Notification channels' } ).locator( 'legend' )
	).toHaveText( [ 'site-webhook', 'closed-port' ] );
	expect( await page.content() ).not.toContain( 'e2e-secret' );

	await forms
		.nth( 1 )
		.getByRole( 'button', { name: 'Remove this destination' } )
		.click();
	await page.getByRole( 'button', { name: 'Save the destinations' } ).click();
	await expect(
		page.locator( '.components-card', { hasText: 'Destinations' } ).locator(
			'.components-notice.is-success'
		)
	).toContainText( 'Saved.' );
	await openScreen( page, 'bjlg-settings' );
	await expect( forms ).toHaveCount( 1 );
	expect( errors ).toEqual( [] );
} );
