-- Backup JLG Database Export
-- Version: 2.0.3

SET NAMES utf8mb4;

-- Table: wp_a
DROP TABLE IF EXISTS `wp_a`;
CREATE TABLE `wp_a` (`x` text);

-- Data for table: wp_a
INSERT INTO `wp_a` (`x`) VALUES
('it\'s; -- x'),
(0x00ff);
