/**
 * An incident's evidence on the Incidents screen (tests/wordpress/admin-site.php opens the
 * backup-failure incident with two lines and a context: its history row and source): the lines
 * and the context GET /incidents gives, in the incident's details.
 */
const { test, expect } = require( '@playwright/test' );
const { logIn, watchConsole, openScreen, screenshots } = require( './helpers' );

test.beforeEach( async ( { page } ) => {
	await logIn( page );
} );

test( 'incidents: the evidence an incident was opened with is shown in its details', async ( {
	page,
} ) => {
	const errors = watchConsole( page );
	await openScreen( page, 'bjlg-incidents' );
	const incident = page
		.getByTestId( 'bjlg-incident' )
		.filter( { hasText: 'Backup failed: no space left on device (test)' } );
	const evidence = incident.getByTestId( 'bjlg-incident-evidence' );
	await expect( evidence.locator( 'li' ).first() ).toBeHidden(); // Closed until asked.
	await evidence.getByText( 'Evidence', { exact: true } ).click();
	await expect( evidence.locator( 'li' ) ).toHaveText( [
		'The scheduled backup could not be written.',
		'error: RuntimeException',
	] );
	await expect( evidence.locator( '.bjlg-evidence div' ) ).toHaveText( [
		'history_id7',
		'sourcecron',
	] );
	// The resolved one keeps its evidence too.
	const past = page
		.getByTestId( 'bjlg-incident' )
		.filter( { hasText: 'Verification failed (test)' } );
	await past.getByText( 'Evidence', { exact: true } ).click();
	await expect( past.getByTestId( 'bjlg-incident-evidence' ) ).toContainText(
		'An archive failed its verification.'
	);
	await screenshots( page, 'incidents-evidence' );
	expect( errors ).toEqual( [] );
} );
