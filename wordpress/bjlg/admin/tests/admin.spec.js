/**
 * The admin screens on a real WordPress (tests/wordpress/run-admin.sh sets it up: two archives,
 * a good one verified after it was written and a tampered copy never verified, a schedule
 * `30 2 * * *` in Europe/Paris, an administrator with the French locale).
 */
const { test, expect } = require( '@playwright/test' );
const {
	finishJob,
	logIn,
	watchConsole,
	openScreen,
	screenshots,
} = require( './helpers' );

const GOOD = process.env.BJLG_ADMIN_GOOD;
const TAMPERED = process.env.BJLG_ADMIN_TAMPERED;

test.beforeEach( async ( { page } ) => {
	await logIn( page );
} );

test( 'overview: last backups with their verification, next runs in the site zone', async ( {
	page,
} ) => {
	const errors = watchConsole( page );
	await openScreen( page, 'bjlg' );
	await expect(
		page.getByRole( 'heading', { name: 'Last backups' } )
	).toBeVisible();
	// The failed backup recorded after the archives: no archive of its own, shown all the same.
	await expect( page.locator( '.components-notice.is-error' ) ).toHaveText(
		/The last backup, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(Europe\/Paris\), failed: Backup failed: no space left on device \(test\)$/
	);
	await expect(
		page.locator( '.bjlg-last-backups li', { hasText: GOOD } )
	).toContainText( 'Verified' );
	await expect(
		page.locator( '.bjlg-last-backups li', { hasText: TAMPERED } )
	).toContainText( 'Not verified' );
	const runs = page.locator( '.bjlg-runs li' );
	await expect( runs ).toHaveCount( 5 );
	// December in Europe/Paris: 02:30 at UTC+01:00, as the site's clock says, not the browser's.
	for ( const run of await runs.allTextContents() ) {
		expect( run ).toMatch( /^\d{4}-\d\d-\d\d 02:30 \(UTC\+01:00\)$/ );
	}
	await screenshots( page, 'overview' );
	expect( errors ).toEqual( [] );
} );

test( 'schedule assistant: preview while typing, guardrails with evidence, refusals', async ( {
	page,
} ) => {
	const errors = watchConsole( page );
	let previews = 0;
	page.on(
		'request',
		( request ) =>
			/schedule(\/|%2F)preview/.test( request.url() ) && previews++
	);
	await openScreen( page, 'bjlg-schedule' );
	const field = page.getByLabel( 'Cron expression' );
	const preview = page.getByTestId( 'bjlg-preview' );
	await expect( field ).toHaveValue( '30 2 * * *' );
	await expect( preview.locator( '.bjlg-runs li' ) ).toHaveCount( 5 );
	const before = await preview.locator( '[lang="en"]' ).textContent();

	await field.fill( '' );
	previews = 0;
	const typed = '0 */6 * * *';
	await field.pressSequentially( typed, { delay: 40 } );
	await expect( preview.locator( '.bjlg-runs li' ).first() ).toHaveText(
		/^\d{4}-\d\d-\d\d (00|06|12|18):00 \(UTC\+01:00\)$/
	);
	await expect( preview.locator( '[lang="en"]' ) ).not.toHaveText( before );
	await expect( preview.locator( '[lang="fr"]' ) ).not.toHaveText( '' );
	// Debounced: fewer requests than keystrokes, at least one.
	expect( previews ).toBeGreaterThan( 0 );
	expect( previews ).toBeLessThan( typed.length );

	await page.getByRole( 'button', { name: /^Use \* \* \* \* \* / } ).click();
	await expect( field ).toHaveValue( '* * * * *' );
	const tooFrequent = preview.locator( '.components-notice.is-error' );
	await expect( tooFrequent ).toBeVisible();
	await expect(
		tooFrequent.locator( '.bjlg-evidence dt' ).first()
	).toBeVisible();
	await page.getByRole( 'button', { name: 'Save schedule' } ).click();
	await expect( page.getByText( /^Not saved: / ) ).toBeVisible();

	await field.fill( '0 0 30 2 *' );
	await expect( preview ).toContainText( 'never fires' );
	await page.getByRole( 'button', { name: 'Save schedule' } ).click();
	await expect( page.getByText( /^Not saved: .*never fires/ ) ).toBeVisible();
	await page.reload();
	await expect( field ).toHaveValue( '30 2 * * *' ); // Nothing was saved.

	await field.fill( '0 3 * * *' );
	await expect( preview.locator( '.bjlg-runs li' ).first() ).toHaveText(
		/03:00 \(UTC\+01:00\)$/
	);
	await page.getByRole( 'button', { name: 'Save schedule' } ).click();
	await expect(
		page.locator( '.components-notice.is-success' )
	).toContainText( 'Saved schedule: 0 3 * * *' );

	// By keyboard: from the field, Tab reaches the first example and Enter uses it.
	await field.focus();
	await page.keyboard.press( 'Tab' );
	await expect(
		page.getByRole( 'button', { name: /^Use \*\/15 / } )
	).toBeFocused();
	await page.keyboard.press( 'Enter' );
	await expect( field ).toHaveValue( '*/15 * * * *' );
	await expect( preview.locator( '.bjlg-runs li' ) ).toHaveCount( 5 );

	// Back to the schedule the other tests expect, through an example.
	await page.getByRole( 'button', { name: /^Use 30 2 \* \* \* / } ).click();
	await expect( preview.locator( '.bjlg-runs li' ).first() ).toHaveText(
		/02:30 \(UTC\+01:00\)$/
	);
	await page.getByRole( 'button', { name: 'Save schedule' } ).click();
	await expect(
		page.locator( '.components-notice.is-success' )
	).toContainText( 'Saved schedule: 30 2 * * *' );
	await screenshots( page, 'schedule' );
	expect( errors ).toEqual( [] );
} );

test( 'a preview lost in transit is read again, not shown as offline', async ( {
	page,
} ) => {
	let aborted = 0;
	await page.route( /schedule(\/|%2F)preview/, ( route ) =>
		aborted++ === 0 ? route.abort( 'connectionreset' ) : route.continue()
	);
	await openScreen( page, 'bjlg-schedule' );
	const preview = page.getByTestId( 'bjlg-preview' );
	await expect( preview.locator( '.bjlg-runs li' ) ).toHaveCount( 5 );
	await expect( preview ).not.toContainText( 'offline' );
	expect( aborted ).toBe( 2 );
} );

test( 'backups: filters, a verification started and its result shown', async ( {
	page,
} ) => {
	const errors = watchConsole( page );
	await openScreen( page, 'bjlg-backups' );
	await expect( page.getByText( '2 of 2 archives shown.' ) ).toBeVisible();
	await page.getByLabel( 'Filter by name' ).fill( 'tamper' );
	await expect( page.getByText( '1 of 2 archives shown.' ) ).toBeVisible();
	await page.getByLabel( 'Filter by name' ).fill( '' );
	await page
		.getByLabel( 'Verification', { exact: true } )
		.selectOption( 'none' );
	await expect( page.getByText( '1 of 2 archives shown.' ) ).toBeVisible();
	await expect( page.locator( '.bjlg-table tbody tr' ) ).toContainText(
		TAMPERED
	);
	await page
		.getByLabel( 'Verification', { exact: true } )
		.selectOption( 'all' );

	test.setTimeout( 360_000 );
	// Verify starts a background job (POST /jobs) watched until it ends (GET /jobs/{id}).
	await page.getByRole( 'button', { name: `Verify ${ TAMPERED }` } ).click();
	const tamperedRow = page.locator( '.bjlg-table tbody tr', {
		hasText: TAMPERED,
	} );
	const tamperedJob = tamperedRow.getByTestId( 'bjlg-job-verify' );
	await expect( tamperedJob ).toContainText(
		`Verification job of ${ TAMPERED } (job `
	);
	const watched = await finishJob( page, tamperedJob );
	expect( watched.seen[ watched.seen.length - 1 ] ).toMatch( /: done\.$/ );
	expect( watched.progressBar ).toBe( true );
	await expect(
		tamperedRow.locator( '.components-notice.is-error' )
	).toContainText( `Verification of ${ TAMPERED }: failed` );
	await expect( tamperedRow.locator( '.bjlg-verification' ) ).toContainText(
		'Verification failed'
	);
	// The evidence: the check that failed, and no recorded checksum for a copy that no backup
	// wrote.
	await expect(
		tamperedRow.locator( '.bjlg-report__problems li' ).first()
	).toContainText( /^entry_data \(failed\): / );
	await expect( tamperedRow.locator( '.bjlg-report' ) ).toContainText(
		'SHA-256: no checksum was recorded when it was written.'
	);

	await page.getByRole( 'button', { name: `Verify ${ GOOD }` } ).click();
	const goodRow = page.locator( '.bjlg-table tbody tr', { hasText: GOOD } );
	await finishJob( page, goodRow.getByTestId( 'bjlg-job-verify' ) );
	await expect(
		goodRow.locator( '.components-notice.is-success' )
	).toContainText( `Verification of ${ GOOD }: passed` );
	await expect( goodRow.locator( '.bjlg-report' ) ).toContainText(
		'SHA-256: the same as when it was written.'
	);
	await screenshots( page, 'backups' );
	expect( errors ).toEqual( [] );
} );

test( 'French: the screens speak the administrator’s language', async ( {
	page,
	context,
} ) => {
	await context.clearCookies();
	await logIn( page, 'gestionnaire', process.env.BJLG_ADMIN_FR_PASSWORD );
	const errors = watchConsole( page );
	await openScreen( page, 'bjlg-schedule' );
	await expect(
		page.getByRole( 'heading', { name: 'Assistant de planification' } )
	).toBeVisible();
	// The PHP side (languages/bjlg-fr_FR.mo): the page's title and the menu.
	await expect( page.locator( '.wrap > h1' ) ).toHaveText( 'Planification' );
	await expect(
		page
			.locator( '#adminmenu' )
			.getByRole( 'link', { name: 'Vue d’ensemble' } )
	).toBeAttached();
	await expect( page.getByLabel( 'Expression cron' ) ).toHaveValue(
		'30 2 * * *'
	);
	await expect(
		page.getByTestId( 'bjlg-preview' ).getByRole( 'heading', {
			name: 'Prochaines exécutions (Europe/Paris)',
		} )
	).toBeVisible();
	await openScreen( page, 'bjlg-backups' );
	await expect(
		page.getByText( '2 archives affichées sur 2.' )
	).toBeVisible();
	await screenshots( page, 'backups-fr' );
	expect( errors ).toEqual( [] );
} );
