/**
 * Several schedule entries on the Schedule screen (tests/wordpress/run-admin.sh: the default
 * entry `30 2 * * *` in Europe/Paris): an entry added from one of the plugin's presets is listed
 * with its next run, paused and deleted after a confirmation; a custom entry typed at the same
 * time as the default one shows the `overlap` warning while it is typed, before it is saved.
 * Every entry this test adds is deleted again: the other tests expect the default entry alone.
 */
const { test, expect } = require( '@playwright/test' );
const { logIn, watchConsole, openScreen, screenshots } = require( './helpers' );

test.beforeEach( async ( { page } ) => {
	await logIn( page );
} );

test( 'schedule entries: add from a preset, pause, delete; overlap shown while typing', async ( {
	page,
} ) => {
	const errors = watchConsole( page );
	await openScreen( page, 'bjlg-schedule' );
	const rows = page.locator( '.bjlg-entries tbody tr' );
	await expect( rows ).toHaveCount( 1 );
	await expect( rows.first() ).toContainText( '30 2 * * *' );
	await expect( rows.first() ).toContainText( 'Enabled' );

	// A preset of the plugin, one click away: listed with its next run (a Sunday, 04:00).
	await page
		.getByRole( 'button', { name: 'Add Weekly media backup (0 4 * * sun)' } )
		.click();
	const outcome = page.getByTestId( 'bjlg-entries-outcome' );
	await expect( outcome ).toContainText(
		/Added Weekly media backup, next run \d{4}-\d\d-\d\d 04:00 \(UTC\+01:00\)\./
	);
	const weekly = rows.filter( { hasText: 'Weekly media backup' } );
	await expect( weekly ).toContainText( '0 4 * * SUN' ); // As the extension normalises it.
	await expect( weekly ).toContainText( 'Enabled' );
	await expect( weekly.locator( 'time' ) ).toHaveText(
		/^\d{4}-\d\d-\d\d 04:00 \(UTC\+01:00\)$/
	);
	const sunday = await weekly.locator( 'time' ).getAttribute( 'datetime' );
	expect( new Date( sunday ).getUTCDay() ).toBe( 0 ); // 04:00+01:00 is 03:00 UTC, the same day.
	await expect( rows ).toHaveCount( 2 );

	// A second entry at the time of the first: the preview checks it against the others.
	const preview = page.getByTestId( 'bjlg-preview' );
	await page.getByRole( 'button', { name: 'A custom entry…' } ).click();
	await expect( page.getByTestId( 'bjlg-editing' ) ).toHaveText(
		'A new entry.'
	);
	await page.getByLabel( 'Entry name' ).fill( 'Second nightly' );
	await page.getByLabel( 'Cron expression' ).fill( '30 2 * * *' );
	const overlap = preview.locator( '.components-notice.is-warning', {
		hasText: 'overlaps',
	} );
	await expect( overlap ).toContainText( 'Full backup' );
	// The same time as another entry, not as itself: a time of its own has no overlap.
	await page.getByLabel( 'Cron expression' ).fill( '45 5 * * *' );
	await expect( preview.locator( '.bjlg-runs li' ).first() ).toHaveText(
		/05:45 \(UTC\+01:00\)$/
	);
	await expect( overlap ).toHaveCount( 0 );
	await page.getByLabel( 'Cron expression' ).fill( '30 2 * * *' );
	await expect( overlap ).toContainText( 'Full backup' );
	await screenshots( page, 'schedules' );

	// Paused: listed without a next run until resumed.
	await page
		.getByRole( 'button', { name: 'Pause Weekly media backup' } )
		.click();
	await expect( outcome ).toContainText(
		'Weekly media backup paused: it does not run until resumed.'
	);
	await expect( weekly ).toContainText( 'Paused' );
	await expect( weekly.locator( 'time' ) ).toHaveCount( 0 );
	await page
		.getByRole( 'button', { name: 'Resume Weekly media backup' } )
		.click();
	await expect( weekly ).toContainText( 'Enabled' );
	await page
		.getByRole( 'button', { name: 'Pause Weekly media backup' } )
		.click();
	await expect( weekly ).toContainText( 'Paused' );

	// Deleted after a confirmation; cancelled first, nothing is deleted.
	await page
		.getByRole( 'button', { name: 'Delete Weekly media backup' } )
		.click();
	const dialog = page.getByRole( 'dialog' );
	await expect( dialog ).toContainText(
		'Weekly media backup (0 4 * * SUN) will no longer run'
	);
	await dialog.getByRole( 'button', { name: 'Cancel' } ).click();
	await expect( rows ).toHaveCount( 2 );
	await page
		.getByRole( 'button', { name: 'Delete Weekly media backup' } )
		.click();
	await dialog.getByRole( 'button', { name: 'Delete the entry' } ).click();
	await expect( outcome ).toContainText( 'Weekly media backup deleted.' );
	await expect( rows ).toHaveCount( 1 );
	await page.reload();
	await expect( rows ).toHaveCount( 1 );
	await expect( rows.first() ).toContainText( '30 2 * * *' );
	expect( errors ).toEqual( [] );
} );
