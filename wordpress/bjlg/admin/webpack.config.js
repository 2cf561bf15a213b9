/**
 * The build of @wordpress/scripts, with one change: what is taken from WordPress at run time.
 * WordPress 6.1 (Debian's) ships React 17 and the @wordpress/components of 2022, older than
 * the screens need, so React, the components, data and element are bundled. Only i18n and
 * api-fetch come from core: wp_set_script_translations() fills core's wp.i18n, and core's
 * wp.apiFetch already carries the REST root and the wp_rest nonce; both APIs are unchanged
 * since 6.1.
 */
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );
const DependencyExtractionWebpackPlugin = require( '@wordpress/dependency-extraction-webpack-plugin' );

const FROM_CORE = {
	'@wordpress/i18n': { global: [ 'wp', 'i18n' ], handle: 'wp-i18n' },
	'@wordpress/api-fetch': {
		global: [ 'wp', 'apiFetch' ],
		handle: 'wp-api-fetch',
	},
};

module.exports = {
	...defaultConfig,
	plugins: [
		...defaultConfig.plugins.filter(
			( plugin ) =>
				! ( plugin instanceof DependencyExtractionWebpackPlugin )
		),
		new DependencyExtractionWebpackPlugin( {
			useDefaults: false,
			requestToExternal: ( request ) => FROM_CORE[ request ]?.global,
			requestToHandle: ( request ) => FROM_CORE[ request ]?.handle,
		} ),
	],
};
