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

// The PHP strings: languages/bjlg-fr_FR.po, compiled into the .mo WordPress reads.
const PLUGIN = path.join( __dirname, '..', '..' );
const PO = path.join( PLUGIN, 'languages', 'bjlg-fr_FR.po' );
const MO = path.join( PLUGIN, 'languages', 'bjlg-fr_FR.mo' );
const PHP_CALL = new RegExp(
	String.raw`(?:esc_html__|esc_attr__|esc_html_e|_e|__)\(\s*${ LITERAL }\s*,\s*'bjlg'`,
	'g'
);

function phpSources( dir ) {
	return fs
		.readdirSync( dir, { withFileTypes: true } )
		.flatMap( ( entry ) => {
			const full = path.join( dir, entry.name );
			if ( entry.isDirectory() ) {
				return entry.name === 'admin' ? [] : phpSources( full );
			}
			return entry.name.endsWith( '.php' ) ? [ full ] : [];
		} );
}

/**
 * msgid -> msgstr of a .po whose strings may continue on "..." lines.
 * @param {string} file Its path.
 */
function readPo( file ) {
	const entries = new Map();
	let key = null;
	let current = null;
	const unquote = ( s ) => JSON.parse( s );
	for ( const line of fs.readFileSync( file, 'utf8' ).split( '\n' ) ) {
		const match = /^(msgid|msgstr) (".*")$/.exec( line );
		if ( match ) {
			current = { kind: match[ 1 ], text: unquote( match[ 2 ] ) };
			if ( current.kind === 'msgid' ) {
				key = current;
			} else {
				entries.set( key.text, current );
			}
		} else if ( /^".*"$/.test( line ) && current ) {
			current.text += unquote( line );
		}
	}
	return new Map( [ ...entries ].map( ( [ id, str ] ) => [ id, str.text ] ) );
}

/**
 * msgid -> msgstr of a little-endian .mo (GNU gettext's format).
 * @param {string} file Its path.
 */
function readMo( file ) {
	const data = fs.readFileSync( file );
	assert.strictEqual( data.readUInt32LE( 0 ), 0x950412de, 'not a .mo' );
	const count = data.readUInt32LE( 8 );
	const ids = data.readUInt32LE( 12 );
	const strs = data.readUInt32LE( 16 );
	const at = ( table, i ) => {
		const length = data.readUInt32LE( table + i * 8 );
		const offset = data.readUInt32LE( table + i * 8 + 4 );
		return data.toString( 'utf8', offset, offset + length );
	};
	const entries = new Map();
	for ( let i = 0; i < count; i++ ) {
		entries.set( at( ids, i ), at( strs, i ) );
	}
	return entries;
}

test( 'every PHP string has a French translation, and the .mo is the .po compiled', () => {
	const po = readPo( PO );
	const missing = [];
	for ( const file of phpSources( PLUGIN ) ) {
		for ( const match of fs
			.readFileSync( file, 'utf8' )
			.matchAll( PHP_CALL ) ) {
			const id = match[ 1 ].replace( /\\(.)/g, '$1' );
			if ( ! po.get( id ) ) {
				missing.push( `${ path.basename( file ) }: ${ id }` );
			}
		}
	}
	assert.deepStrictEqual(
		missing,
		[],
		'PHP strings without a French translation'
	);
	assert.ok( po.size > 5, `only ${ po.size } entries read from the .po` );
	assert.deepStrictEqual(
		readMo( MO ),
		po,
		'bjlg-fr_FR.mo is not bjlg-fr_FR.po compiled: msgfmt -o bjlg-fr_FR.mo bjlg-fr_FR.po'
	);
} );
