/**
 * Every string the screens translate (__ and _n with the bjlg domain, in src/) has a French
 * translation in languages/bjlg-fr_FR-bjlg-admin.json (the file wp_set_script_translations()
 * loads for the handle bjlg-admin), with the same placeholders. Run by node --test.
 */
const test = require( 'node:test' );
const assert = require( 'node:assert' );
const fs = require( 'fs' );
const path = require( 'path' );

const SRC = path.join( __dirname, '..', 'src' );
const FRENCH = path.join(
	__dirname,
	'..',
	'..',
	'languages',
	'bjlg-fr_FR-bjlg-admin.json'
);
const LITERAL = String.raw`'((?:[^'\\]|\\.)*)'`;
const CALL = new RegExp(
	String.raw`(?<![\w.])(__|_n)\(\s*${ LITERAL }(?:\s*,\s*${ LITERAL })?`,
	'g'
);

function sources( dir ) {
	return fs
		.readdirSync( dir, { withFileTypes: true } )
		.flatMap( ( entry ) => {
			const full = path.join( dir, entry.name );
			if ( entry.isDirectory() ) {
				return sources( full );
			}
			return entry.name.endsWith( '.js' ) ? [ full ] : [];
		} );
}

function msgids() {
	const found = new Map();
	for ( const file of sources( SRC ) ) {
		for ( const match of fs
			.readFileSync( file, 'utf8' )
			.matchAll( CALL ) ) {
			const unescape = ( s ) => s.replace( /\\(.)/g, '$1' );
			found.set(
				unescape( match[ 2 ] ),
				match[ 1 ] === '_n' ? unescape( match[ 3 ] ) : null
			);
		}
	}
	return found;
}

const placeholders = ( s ) =>
	( s.match( /%(\d\$)?[sd]/g ) || [] ).sort().join( ' ' );

test( 'the screens use translatable strings', () => {
	assert.ok(
		msgids().size > 30,
		`only ${ msgids().size } strings found: is the extraction broken?`
	);
} );

test( 'every string has a French translation with the same placeholders', () => {
	const messages = JSON.parse( fs.readFileSync( FRENCH, 'utf8' ) ).locale_data
		.messages;
	assert.strictEqual( messages[ '' ].lang, 'fr' );
	const missing = [];
	for ( const [ id, plural ] of msgids() ) {
		const translation = messages[ id ];
		if (
			! Array.isArray( translation ) ||
			translation.some( ( t ) => ! t )
		) {
			missing.push( id );
			continue;
		}
		assert.strictEqual(
			translation.length,
			plural === null ? 1 : 2,
			`plural forms of "${ id }"`
		);
		for ( const form of translation ) {
			assert.strictEqual(
				placeholders( form ),
				placeholders( id ),
				`placeholders of "${ id }" -> "${ form }"`
			);
		}
	}
	assert.deepStrictEqual(
		missing,
		[],
		'strings without a French translation'
	);
} );

test( 'no French translation is left over from a string the screens no longer use', () => {
	const used = msgids();
	const messages = JSON.parse( fs.readFileSync( FRENCH, 'utf8' ) ).locale_data
		.messages;
	const stale = Object.keys( messages ).filter(
		( id ) => id !== '' && ! used.has( id )
	);
	assert.deepStrictEqual( stale, [] );
} );
